'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Field, SelectField } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { actionStateKey } from '@/components/forms/state-key';
import { createJurisdictionAction, updateJurisdictionAction } from '@/lib/actions/admin-jurisdictions';
import { proposeSlug } from '@/lib/domain/jurisdiction-slug';
import { jurisdictionLevels } from '@/lib/domain/roles';

type Values = { name: string; slug: string; level: string; country: string; parentId: string };

interface Props {
  jurisdiction?: { id: string; name: string; slug: string; level: string; country: string; parentId: string | null };
  /** A jurisdiction with a published edition keeps its slug: edition addresses are made with it. */
  slugLocked?: boolean;
  parents: ReadonlyArray<{ id: string; name: string }>;
  /** Named and sorted in the admin's language on the server, so the page hydrates without a difference. */
  countries: ReadonlyArray<{ value: string; label: string }>;
}

/** Creates a jurisdiction, or edits one when `jurisdiction` is given. */
export function JurisdictionForm({ jurisdiction, slugLocked = false, parents, countries }: Props) {
  const t = useTranslations('admin.jurisdictions');
  const [state, action, pending] = useActionState(jurisdiction ? updateJurisdictionAction : createJurisdictionAction, null);
  // After a refusal the form comes back with what was submitted; after creating, empty.
  const submitted = state && !state.ok ? (state.values as Partial<Values> | undefined) : undefined;
  const saved = jurisdiction ? { ...jurisdiction, parentId: jurisdiction.parentId ?? '' } : undefined;
  const initial: Values = { name: '', slug: '', level: 'municipality', country: '', parentId: '', ...saved, ...submitted };
  return (
    <form className="form" action={action} noValidate key={actionStateKey(state)}>
      <FormMessage state={state} />
      {jurisdiction && <input type="hidden" name="id" value={jurisdiction.id} />}
      <JurisdictionFields
        initial={initial}
        // A new jurisdiction's slug follows its name until the admin types one.
        slugFollowsName={!jurisdiction && (!submitted || submitted.slug === proposeSlug(submitted.name ?? ''))}
        slugLocked={slugLocked}
        errors={state?.fieldErrors ?? {}}
        parents={parents}
        countries={countries}
      />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {jurisdiction ? t('submitSave') : t('submitCreate')}
        </button>
      </div>
    </form>
  );
}

function JurisdictionFields({
  initial,
  slugFollowsName,
  slugLocked,
  errors,
  parents,
  countries,
}: {
  initial: Values;
  slugFollowsName: boolean;
  slugLocked: boolean;
  errors: Record<string, string>;
  parents: Props['parents'];
  countries: Props['countries'];
}) {
  const t = useTranslations('admin.jurisdictions');
  const levels = useTranslations('levels');
  const [name, setName] = useState(initial.name);
  const [slug, setSlug] = useState(initial.slug);
  const [follows, setFollows] = useState(slugFollowsName);
  const knownCountry = initial.country === '' || countries.some((c) => c.value === initial.country);
  return (
    <>
      <Field
        name="name"
        label={t('name')}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (follows) setSlug(proposeSlug(e.target.value));
        }}
        required
        maxLength={200}
        error={errors.name}
      />
      <Field
        name="slug"
        label={t('slug')}
        hint={slugLocked ? t('slugLocked') : follows ? t('slugProposed') : t('slugHelp')}
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value);
          setFollows(false);
        }}
        readOnly={slugLocked}
        required
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        maxLength={60}
        autoCapitalize="none"
        spellCheck={false}
        error={errors.slug}
      />
      <div className="form-row">
        <SelectField
          name="level"
          label={t('level')}
          defaultValue={initial.level}
          options={jurisdictionLevels.map((l) => ({ value: l, label: levels(l) }))}
          error={errors.level}
        />
        <SelectField
          name="country"
          label={t('country')}
          defaultValue={knownCountry ? initial.country : ''}
          required
          hint={knownCountry ? undefined : t('legacyCountry', { country: initial.country })}
          options={[{ value: '', label: t('chooseCountry') }, ...countries]}
          error={errors.country}
        />
      </div>
      <SelectField
        name="parentId"
        label={t('parent')}
        defaultValue={initial.parentId}
        options={[{ value: '', label: t('noParent') }, ...parents.map((p) => ({ value: p.id, label: p.name }))]}
        error={errors.parentId}
      />
    </>
  );
}
