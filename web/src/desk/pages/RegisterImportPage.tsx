import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Progress, Result, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { REGISTER_FIELDS, REQUIRED_REGISTER_FIELDS, type RegisterImport } from '../../shared/integration-types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';
import '../integration/messages.ts';
import '../integration/integration.css';

type RowError = RegisterImport['errors'][number];
const RUNNING = new Set(['validating', 'committing']);

/** The register import: template, upload, column mapping, a progress bar while rows are checked and saved, the outcome. */
export default function RegisterImportPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm();
  const [id, setId] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['imports', id],
    enabled: id !== null,
    queryFn: () => api<RegisterImport>(`/api/imports/register/${id}`),
    refetchInterval: (q) => (q.state.data && RUNNING.has(q.state.data.status) ? 500 : false),
  });
  const upload = useDeskMutation(
    (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api<RegisterImport>('/api/imports/register', { body });
    },
    {
      invalidate: [],
      onDone: (made) => {
        setId(made.id);
        form.setFieldsValue(made.suggestedMapping);
      },
    },
  );
  const run = useDeskMutation(
    (mapping: Record<string, string | undefined>) =>
      api<RegisterImport>(`/api/imports/register/${id}/run`, {
        body: { mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) },
      }),
    { invalidate: [['imports', id]], form },
  );
  const data = job.data;
  const describe = (e: RowError) => {
    const [code = '', extra = ''] = e.code.split(':');
    return t(`deskIntegration.codes.${code}`, { row: extra, where: extra });
  };
  const percent = data?.totalRows
    ? Math.round((data.processedRows / data.totalRows) * (data.status === 'committing' ? 100 : 95))
    : 0;
  const lang = locale === 'en' ? 'en' : 'zh-CN';

  return (
    <div className="fq-register-import">
      <Typography.Title level={3}>{t('deskIntegration.import.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('deskIntegration.import.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <span>{t('deskIntegration.import.template')}:</span>
        <a href={`/api/imports/register/template?format=xlsx&lang=${lang}`}>{t('deskIntegration.import.templateXlsx')}</a>
        <a href={`/api/imports/register/template?format=csv&lang=${lang}`}>{t('deskIntegration.import.templateCsv')}</a>
      </Space>
      {!data && (
        <Card>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('deskIntegration.import.upload')}
            </Button>
          </Upload>
        </Card>
      )}
      {data && (
        <Card>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('deskIntegration.import.file')}>{data.fileName}</Descriptions.Item>
            <Descriptions.Item label={t('deskIntegration.import.rows', { count: data.totalRows })}>
              {data.format.toUpperCase()}
            </Descriptions.Item>
            <Descriptions.Item label={t('deskIntegration.import.encoding')}>
              {data.encoding?.toUpperCase() ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          {(data.status === 'uploaded' || data.status === 'invalid') && (
            <Form
              form={form}
              layout="horizontal"
              labelCol={{ span: 4 }}
              wrapperCol={{ span: 8 }}
              onFinish={(values) => run.mutate(values)}
            >
              <Typography.Title level={5}>{t('deskIntegration.import.mapping')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('deskIntegration.import.mappingHint')}</Typography.Paragraph>
              {REGISTER_FIELDS.map((field) => (
                <Form.Item
                  key={field}
                  name={field}
                  label={t(`deskIntegration.fields.${field}`)}
                  rules={(REQUIRED_REGISTER_FIELDS as readonly string[]).includes(field) ? [{ required: true }] : []}
                >
                  <Select
                    allowClear
                    placeholder={t('deskIntegration.import.notMapped')}
                    options={data.headers.map((h) => ({ value: h, label: h }))}
                  />
                </Form.Item>
              ))}
              <Form.Item wrapperCol={{ offset: 4 }}>
                <Button type="primary" htmlType="submit" loading={run.isPending}>
                  {t('deskIntegration.import.run')}
                </Button>
              </Form.Item>
            </Form>
          )}
          {RUNNING.has(data.status) && (
            <>
              <Typography.Text>{t(`deskIntegration.import.status.${data.status}`)}</Typography.Text>
              <Progress percent={percent} status="active" />
            </>
          )}
          {data.status === 'committed' && (
            <Result
              status="success"
              title={t('deskIntegration.import.status.committed')}
              subTitle={t('deskIntegration.import.done', {
                inserted: data.inserted,
                updated: data.updated,
                households: data.householdsCreated,
              })}
              extra={<Button onClick={() => setId(null)}>{t('deskIntegration.import.again')}</Button>}
            />
          )}
          {data.status === 'failed' && (
            <Alert type="error" showIcon message={t('deskIntegration.import.status.failed')} description={data.failure} />
          )}
          {data.status === 'invalid' && (
            <>
              <Alert
                type="error"
                showIcon
                style={{ margin: '16px 0' }}
                message={t('deskIntegration.import.invalid', { count: data.errorCount })}
                action={
                  <Space>
                    <Button size="small" href={`/api/imports/register/${data.id}/errors?format=xlsx&lang=${lang}`}>
                      {t('deskIntegration.import.report')}
                    </Button>
                    <Button size="small" onClick={() => setId(null)}>
                      {t('deskIntegration.import.again')}
                    </Button>
                  </Space>
                }
              />
              <Table<RowError>
                size="small"
                rowKey={(e) => `${e.row}-${e.column}`}
                dataSource={data.errors}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('deskIntegration.import.row'), dataIndex: 'row', width: 80 },
                  {
                    title: t('deskIntegration.import.column'),
                    dataIndex: 'column',
                    render: (c: string) => t(`deskIntegration.fields.${c}`),
                  },
                  { title: t('deskIntegration.import.value'), dataIndex: 'value' },
                  { title: t('deskIntegration.import.problem'), render: (_, e) => describe(e) },
                ]}
              />
            </>
          )}
        </Card>
      )}
    </div>
  );
}
