import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ApiError, api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Boundaries } from '../geo/geo-types.ts';
import type { ImportResult } from './admin-types.ts';
import { type FeatureRow, readGridFile } from './geojson-file.ts';

const BoundaryPreview = lazy(() => import('../geo/BoundaryPreview.tsx'));

const FILL = { created: '#b7eb8f', updated: '#91caff', error: '#ff7875' } as const;

interface Checked {
  fileName: string;
  collection: unknown;
  preview: Boundaries;
  rows: FeatureRow[];
  result?: ImportResult;
  problem?: { index?: number; message: string };
}

/**
 * Grid boundaries from a GeoJSON file: read in the browser, drawn, checked by a dry run on the
 * server (what would be created or updated, or which feature fails and why), then imported.
 */
export function GeoJsonImport({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);

  const send = (collection: unknown, dryRun: boolean) =>
    api<ImportResult>(`/api/areas/import-grids${dryRun ? '?dryRun=true' : ''}`, { body: collection });

  const check = async (file: File) => {
    setBusy(true);
    try {
      const read = readGridFile(await file.text());
      if (!read) {
        setChecked(null);
        message.error(t('admin.import.notGeoJson'));
        return;
      }
      const base = { fileName: file.name, ...read };
      try {
        setChecked({ ...base, result: await send(read.collection, true) });
      } catch (error) {
        const index = error instanceof ApiError ? /^features\.(\d+)/.exec(error.field ?? '')?.[1] : undefined;
        setChecked({
          ...base,
          problem: { index: index === undefined ? undefined : Number(index), message: errorMessage(t, error) },
        });
      }
    } finally {
      setBusy(false);
    }
  };

  const importNow = async () => {
    if (!checked?.result) return;
    setBusy(true);
    try {
      const done = await send(checked.collection, false);
      message.success(t('admin.import.done', { created: done.created, updated: done.updated }));
      onImported();
      close();
    } catch (error) {
      message.error(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setChecked(null);
    onClose();
  };

  const actionOf = (index: number) => checked?.result?.grids.find((g) => g.index === index)?.action;
  const colors = Object.fromEntries(
    (checked?.rows ?? []).flatMap((row) => {
      const fill = checked?.problem?.index === row.index ? FILL.error : FILL[actionOf(row.index) ?? 'error'];
      return checked?.result || checked?.problem?.index === row.index ? [[row.id, fill]] : [];
    }),
  );

  return (
    <Modal
      open={open}
      width={1000}
      title={t('admin.import.title')}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!checked?.result} loading={busy} onClick={importNow}>
            {checked?.result ? t('admin.import.submit', { count: checked.result.grids.length }) : t('admin.import.submitIdle')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" className="fq-admin-full">
        <Upload.Dragger
          className="fq-import-drop"
          accept=".geojson,.json,application/geo+json,application/json"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{checked ? checked.fileName : t('admin.import.drop')}</p>
          <p className="ant-upload-hint">{t('admin.import.hint')}</p>
        </Upload.Dragger>
        {busy && !checked && <Spin />}
        {checked?.result && (
          <Alert
            type="success"
            showIcon
            message={t('admin.import.dryRunOk', { created: checked.result.created, updated: checked.result.updated })}
          />
        )}
        {checked?.problem && (
          <Alert
            type="error"
            showIcon
            message={
              checked.problem.index === undefined
                ? t('admin.import.fileRejected')
                : t('admin.import.featureRejected', { index: checked.problem.index })
            }
            description={checked.problem.message}
          />
        )}
        {checked && (
          <div className="fq-import-preview">
            <div className="fq-import-map">
              <Typography.Text type="secondary">{t('admin.import.preview')}</Typography.Text>
              <Suspense fallback={<Spin />}>
                <BoundaryPreview
                  mapKey={`import-${checked.fileName}`}
                  boundaries={checked.preview}
                  colors={colors}
                  height={340}
                />
              </Suspense>
            </div>
            <Table<FeatureRow>
              size="small"
              rowKey="index"
              pagination={false}
              scroll={{ y: 260 }}
              dataSource={checked.rows}
              rowClassName={(row) => (row.index === checked.problem?.index ? 'fq-import-bad' : '')}
              columns={[
                { key: 'index', dataIndex: 'index', title: '#', width: 48 },
                { key: 'code', dataIndex: 'code', title: t('admin.areas.code'), ellipsis: true },
                { key: 'name', dataIndex: 'name', title: t('admin.areas.name'), ellipsis: true },
                { key: 'parent', dataIndex: 'parent', title: t('admin.import.parent'), ellipsis: true },
                {
                  key: 'action',
                  title: t('admin.import.result'),
                  width: 96,
                  render: (_, row) => {
                    if (row.index === checked.problem?.index) return <Tag color="error">{t('admin.import.error')}</Tag>;
                    const action = actionOf(row.index);
                    return action ? (
                      <Tag color={action === 'created' ? 'success' : 'processing'}>{t(`admin.import.${action}`)}</Tag>
                    ) : null;
                  },
                },
              ]}
            />
          </div>
        )}
      </Space>
    </Modal>
  );
}
