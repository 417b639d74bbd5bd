import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError, query } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { filterParams } from './case-data.ts';
import type { CaseFilters } from './types.ts';

/** Downloads the table under its current filters as xlsx, in the console's language. */
export function ExportButton({ filters }: { filters: CaseFilters }) {
  const { t, locale, number } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      // fetch rather than a plain link: a refusal is shown here instead of replacing the page.
      const response = await fetch(`/api/cases/export.xlsx${query({ ...filterParams(filters), lang: locale })}`, {
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
        throw new ApiError(response.status, body.error?.code ?? `HTTP_${response.status}`, body.error?.message ?? '');
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'cases.xlsx';
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const rows = number(Number(response.headers.get('x-export-rows') ?? 0));
      if (response.headers.get('x-export-truncated') === 'true') message.warning(t('deskCases.export.truncated', { rows }));
      else message.success(t('deskCases.export.done', { rows }));
    } catch (error) {
      message.error(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>
      {t('deskCases.export.button')}
    </Button>
  );
}
