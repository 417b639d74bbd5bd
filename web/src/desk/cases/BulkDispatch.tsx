import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Form, Input, List, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { CaseSummary } from '../../shared/types.ts';
import { AssigneeSelect, assigneeBody } from './AssigneeSelect.tsx';
import { useCaseAction } from './case-data.ts';

interface Outcome {
  item: CaseSummary;
  error?: string;
}

interface Props {
  cases: CaseSummary[];
  open: boolean;
  onClose: (dispatched: boolean) => void;
}

/**
 * Dispatches the selected cases to one worker or company, one request per case (each case keeps
 * its own rules), and reports how each one went: a refusal of one does not stop the others.
 */
export function BulkDispatch({ cases, open, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ assignee: string; note?: string }>();
  const action = useCaseAction();
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [running, setRunning] = useState(false);
  const communityIds = [...new Set(cases.flatMap((item) => (item.communityId ? [item.communityId] : [])))];

  async function dispatch({ assignee, note }: { assignee: string; note?: string }) {
    setRunning(true);
    const done: Outcome[] = [];
    for (const item of cases) {
      try {
        await action.mutateAsync({ id: item.id, action: 'assign', body: { ...assigneeBody(assignee), note: note || undefined } });
        done.push({ item });
      } catch (error) {
        done.push({ item, error: errorMessage(t, error) });
      }
      setOutcomes([...done]);
    }
    setRunning(false);
  }

  const failed = outcomes?.filter((o) => o.error).length ?? 0;
  const finished = outcomes !== null && !running;
  return (
    <Modal
      title={t('deskCases.bulk.title', { count: cases.length })}
      open={open}
      width={640}
      okText={finished ? t('common.confirm') : t('deskCases.bulk.submit')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: finished ? { display: 'none' } : undefined }}
      confirmLoading={running}
      onOk={() => (finished ? onClose(true) : form.submit())}
      onCancel={() => onClose(outcomes !== null)}
      afterClose={() => setOutcomes(null)}
      destroyOnHidden
    >
      {outcomes === null ? (
        <Form form={form} layout="vertical" onFinish={dispatch} preserve={false}>
          <Typography.Paragraph type="secondary">{t('deskCases.bulk.hint')}</Typography.Paragraph>
          <Form.Item name="assignee" label={t('deskCases.assign.to')} rules={[{ required: true, message: t('common.required') }]}>
            <AssigneeSelect communityIds={communityIds} />
          </Form.Item>
          <Form.Item name="note" label={t('deskCases.form.note')}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('deskCases.bulk.notePlaceholder')} />
          </Form.Item>
        </Form>
      ) : (
        <>
          <Progress percent={Math.round((outcomes.length / cases.length) * 100)} status={failed ? 'exception' : undefined} />
          {finished && (
            <Alert
              className="fq-gap"
              type={failed ? 'warning' : 'success'}
              showIcon
              title={t('deskCases.bulk.result', { ok: outcomes.length - failed, failed })}
            />
          )}
          <List
            size="small"
            dataSource={outcomes}
            renderItem={({ item, error }) => (
              <List.Item>
                <span className="fq-bulk-row">
                  {error ? <CloseCircleFilled className="fq-text-error" /> : <CheckCircleFilled className="fq-text-success" />}
                  <Typography.Text strong>{item.number}</Typography.Text>
                  <Typography.Text ellipsis>{item.title}</Typography.Text>
                </span>
                <Typography.Text type={error ? 'danger' : 'success'}>{error ?? t('deskCases.bulk.ok')}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
