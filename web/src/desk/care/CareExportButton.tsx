import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError, query } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { CareFilters } from './care-data.ts';

/** Downloads the file list under its filters as xlsx, masked as the list is, in the console's language. */
export function CareExportButton({ filters }: { filters: CareFilters }) {
  const { t, locale, number } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const response = await fetch(`/api/care/files/export.xlsx${query({ ...filters, lang: locale })}`, {
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
        throw new ApiError(response.status, body.error?.code ?? `HTTP_${response.status}`, body.error?.message ?? '');
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'care-files.xlsx';
      const url = URL.createObjectURL(await response.blob());
      Object.assign(document.createElement('a'), { href: url, download: name }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      message.success(t('deskCare.exportDone', { rows: number(Number(response.headers.get('x-export-rows') ?? 0)) }));
    } catch (error) {
      message.error(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>
      {t('deskCare.export')}
    </Button>
  );
}
