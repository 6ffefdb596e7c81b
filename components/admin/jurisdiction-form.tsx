'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, SelectField } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { createJurisdictionAction, updateJurisdictionAction } from '@/lib/actions/admin-jurisdictions';
import { jurisdictionLevels } from '@/lib/domain/roles';

interface Props {
  jurisdiction?: { id: string; name: string; slug: string; level: string; country: string; parentId: string | null };
  parents: ReadonlyArray<{ id: string; name: string }>;
}

/** Creates a jurisdiction, or edits one when `jurisdiction` is given. */
export function JurisdictionForm({ jurisdiction, parents }: Props) {
  const t = useTranslations('admin.jurisdictions');
  const levels = useTranslations('levels');
  const [state, action, pending] = useActionState(
    jurisdiction ? updateJurisdictionAction : createJurisdictionAction,
    null,
  );
  // After a failure, show what the person typed; after creating, start empty.
  const values = state && !state.ok ? state.values : undefined;
  const initial = values ?? (jurisdiction ? { ...jurisdiction, parentId: jurisdiction.parentId ?? '' } : undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form className="form" action={action} noValidate key={state?.ok && !jurisdiction ? JSON.stringify(state) : 'form'}>
      <FormMessage state={state} />
      {jurisdiction && <input type="hidden" name="id" value={jurisdiction.id} />}
      <Field name="name" label={t('name')} defaultValue={initial?.name} required maxLength={200} error={errors.name} />
      <Field
        name="slug"
        label={t('slug')}
        hint={t('slugHelp')}
        defaultValue={initial?.slug}
        required
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        maxLength={60}
        error={errors.slug}
      />
      <div className="form-row">
        <SelectField
          name="level"
          label={t('level')}
          defaultValue={initial?.level ?? 'municipality'}
          options={jurisdictionLevels.map((l) => ({ value: l, label: levels(l) }))}
          error={errors.level}
        />
        <Field name="country" label={t('country')} defaultValue={initial?.country} required maxLength={100} error={errors.country} />
      </div>
      <SelectField
        name="parentId"
        label={t('parent')}
        defaultValue={initial?.parentId ?? ''}
        options={[{ value: '', label: t('noParent') }, ...parents.map((p) => ({ value: p.id, label: p.name }))]}
        error={errors.parentId}
      />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {jurisdiction ? t('submitSave') : t('submitCreate')}
        </button>
      </div>
    </form>
  );
}
