'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { importFileAction } from '@/lib/actions/portal-import';
import type { ImportReport } from '@/lib/data/portal-import';
import { editionLabel, editionSlug } from '@/lib/domain/edition-label';
import { countryName } from '@/lib/domain/countries';
import { localeNames } from '@/lib/domain/locales';
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from '@/lib/domain/portal-import/limits';
import { domainKeys, domainName } from '@/lib/domain/profile';
import { withColon } from '@/lib/domain/french-spacing';

type Row = {
  key: string;
  name: string;
  text: string | null;
  report: ImportReport | null;
  /** Why the file never reached the server, or why the server could not answer. */
  problem: string | null;
};

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

const limitKb = MAX_IMPORT_BYTES / 1000;

/**
 * The admin's import: choose or drop files, see what each holds (a dry run on
 * the server), then confirm. Files go to the server one at a time, so the
 * progress bar is true and one bad file never blocks the rest.
 */
export function ImportFiles({ countries }: { countries: ReadonlyArray<{ value: string; label: string }> }) {
  const t = useTranslations('import');
  const levels = useTranslations('levels');
  const locale = useLocale();
  const [rows, setRows] = useState<Row[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const countryRef = useRef<HTMLSelectElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { files: useId(), filesHelp: useId(), country: useId(), countryHelp: useId() };
  const busy = phase === 'checking' || phase === 'importing';

  const update = (key: string, change: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function send(row: Row, dryRun: boolean): Promise<Partial<Row>> {
    const form = new FormData();
    form.set('name', row.name);
    form.set('text', row.text ?? '');
    form.set('country', countryRef.current?.value ?? '');
    form.set('dryRun', String(dryRun));
    try {
      const result = await importFileAction(null, form);
      if (!result?.ok || typeof result.data?.report !== 'string') return { report: null, problem: result?.message ?? t('failed') };
      const report = JSON.parse(result.data.report) as ImportReport;
      // The server translated the refusal; keep its English sentence only as a fallback.
      if (report.outcome === 'refused' && result.message) report.message = result.message;
      return { report, problem: null };
    } catch {
      return { report: null, problem: t('failed') };
    }
  }

  /** Sends `targets` one by one; the summary counts every file of `all`, sent this time or before. */
  async function run(all: Row[], targets: Row[], dryRun: boolean) {
    setPhase(dryRun ? 'checking' : 'importing');
    setNotice(null);
    setProgress({ done: 0, total: targets.length });
    const outcomes = new Map(all.map((r) => [r.key, r.problem ? 'refused' : r.report?.outcome]));
    for (const [i, row] of targets.entries()) {
      const change = await send(row, dryRun);
      update(row.key, change);
      outcomes.set(row.key, change.report?.outcome ?? 'refused');
      setProgress({ done: i + 1, total: targets.length });
    }
    const n = (o: string) => [...outcomes.values()].filter((x) => x === o).length;
    setNotice(
      dryRun
        ? t('checked', { ready: n('would_create'), unchanged: n('unchanged'), refused: n('refused') })
        : t('imported', { created: n('created'), unchanged: n('unchanged'), refused: n('refused') }),
    );
    setPhase(dryRun ? 'checked' : 'done');
  }

  async function choose(list: FileList | null) {
    if (!list || list.length === 0 || busy) return;
    const files = Array.from(list);
    if (files.length > MAX_IMPORT_FILES) {
      setNotice(t('tooMany', { max: MAX_IMPORT_FILES }));
      return;
    }
    const chosen: Row[] = await Promise.all(
      files.map(async (file, i): Promise<Row> => {
        const base = { key: `${i}-${file.name}-${file.size}`, name: file.name, report: null };
        if (file.size > MAX_IMPORT_BYTES) return { ...base, text: null, problem: t('tooLarge', { name: file.name, limit: limitKb }) };
        try {
          return { ...base, text: await file.text(), problem: null };
        } catch {
          return { ...base, text: null, problem: t('unreadable', { name: file.name }) };
        }
      }),
    );
    setRows(chosen);
    await run(chosen, chosen.filter((r) => r.text !== null), true);
  }

  const sendable = rows.filter((r) => r.text !== null);
  const ready = rows.filter((r) => r.report?.outcome === 'would_create');

  function startOver() {
    setRows([]);
    setPhase('idle');
    setNotice(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  return (
    <div className="stack">
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void choose(e.dataTransfer.files);
        }}
      >
        <div className="field">
          <label htmlFor={ids.files}>{t('files')}</label>
          <input
            ref={inputRef}
            id={ids.files}
            type="file"
            multiple
            accept=".txt,text/plain"
            aria-describedby={ids.filesHelp}
            disabled={busy}
            onChange={(e) => void choose(e.currentTarget.files)}
          />
          <p className="field__hint" id={ids.filesHelp}>
            {t('filesHelp', { max: MAX_IMPORT_FILES, limit: limitKb })}
          </p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.country}>{t('country')}</label>
        <select ref={countryRef} id={ids.country} name="country" defaultValue="" aria-describedby={ids.countryHelp} disabled={busy}>
          <option value="">{t('countryFromTitle')}</option>
          {countries.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <p className="field__hint" id={ids.countryHelp}>
          {t('countryHelp')}
        </p>
      </div>

      {busy && (
        <div className="import-progress">
          <label htmlFor="import-progress">{t(phase === 'checking' ? 'checking' : 'importing', progress)}</label>
          <progress id="import-progress" value={progress.done} max={progress.total} />
        </div>
      )}
      <p className="notice notice--info" role="status" hidden={!notice}>
        {notice}
      </p>

      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack import-table">
            <thead>
              <tr>
                <th scope="col">{t('file')}</th>
                <th scope="col">{t('outcome')}</th>
                <th scope="col">{t('jurisdiction')}</th>
                <th scope="col">{t('edition')}</th>
                <th scope="col">{t('content')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <ImportRow key={row.key} row={row} t={t} levels={levels} locale={locale} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {rows.length > 0 && (
        <div className="actions">
          {phase === 'checked' && ready.length > 0 && (
            <button className="button" type="button" onClick={() => void run(rows, ready, false)}>
              {t('confirm', { count: ready.length })}
            </button>
          )}
          {phase === 'checked' && ready.length === 0 && <p className="muted">{t('nothingToImport')}</p>}
          {phase === 'checked' && sendable.length > 0 && (
            <button className="button button--secondary" type="button" onClick={() => void run(rows, sendable, true)}>
              {t('check')}
            </button>
          )}
          <button className="button button--quiet" type="button" onClick={startOver} disabled={busy}>
            {t('startOver')}
          </button>
        </div>
      )}
    </div>
  );
}

type T = ReturnType<typeof useTranslations<'import'>>;

function ImportRow({ row, t, levels, locale }: { row: Row; t: T; levels: ReturnType<typeof useTranslations<'levels'>>; locale: string }) {
  const report = row.report;
  const outcome = row.problem ? 'refused' : (report?.outcome ?? 'waiting');
  const badge = { waiting: '', would_create: 'badge--ok', created: 'badge--ok', unchanged: 'badge--off', refused: 'badge--danger' }[outcome];
  const ok = report && report.outcome !== 'refused' ? report : null;
  return (
    <tr>
      <td data-label={t('file')}>
        <code className="import-table__file">{row.name}</code>
      </td>
      <td data-label={t('outcome')}>
        <span className={`badge ${badge}`}>{t(`outcomes.${outcome}`)}</span>
        {row.problem && <p className="field__error">{row.problem}</p>}
        {report?.outcome === 'refused' && (
          <p className="field__error" role="alert">
            {report.message}
          </p>
        )}
        {report?.outcome === 'created' && (
          <p className="small">
            <a href={`/profiles/${report.jurisdiction.slug}/${editionSlug(report.year, report.month)}`}>{t('view')}</a>
          </p>
        )}
      </td>
      <td data-label={t('jurisdiction')}>
        {ok && (
          <>
            {ok.jurisdiction.name} <span className="muted">({ok.jurisdiction.slug})</span>
            <div className="small muted">
              {ok.jurisdiction.isNew ? t('newJurisdiction', { level: levels(ok.jurisdiction.level), country: countryName(ok.jurisdiction.country, locale) }) : countryName(ok.jurisdiction.country, locale)}
            </div>
          </>
        )}
      </td>
      <td data-label={t('edition')}>
        {ok && (
          <>
            {editionLabel(ok.year, ok.month, locale)}
            <div className="small muted">{localeNames[ok.language]}</div>
          </>
        )}
      </td>
      <td data-label={t('content')}>
        {ok && (
          <details>
            <summary>{ok.title}</summary>
            <ul className="list-plain small">
              <li>
                {withColon(t('introduction'), locale)} {t('paragraphs', { count: ok.introductionBlocks })}
              </li>
              {domainKeys.map((d) => (
                <li key={d}>
                  {domainName(d, locale)}: {t('bulletCounts', ok.bullets[d])}
                </li>
              ))}
              {ok.skipped.map((s) => (
                <li key={s.line} className="muted">
                  {t('skipped', { line: s.line, text: s.text })}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}
