import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { CaseDetail, CaseSummary, Page } from '../../shared/types.ts';
import { useCase, useCaseAction } from './case-data.ts';
import { MergeComparison } from './MergeComparison.tsx';

interface Props {
  detail: CaseDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * Merging a duplicate: find the case to keep (by number or words; open cases of the same grid and
 * category are offered first), compare the two side by side, then confirm.
 */
export function MergeDialog({ detail, open, onClose }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [targetId, setTargetId] = useState<string>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const target = useCase(targetId);
  const merge = useCaseAction();
  const q = search.trim();
  const candidates = useQuery({
    queryKey: ['cases', 'merge-candidates', detail.id, q],
    queryFn: () =>
      api<Page<CaseSummary>>(
        `/api/cases${query(
          q
            ? { q, open: true, limit: 20 }
            : { gridId: detail.gridId ?? undefined, categoryId: detail.category.id, open: true, limit: 20 },
        )}`,
      ).then((page) => page.items.filter((item) => item.id !== detail.id)),
    enabled: open,
  });

  async function confirm() {
    if (!targetId) return;
    setError(null);
    try {
      await merge.mutateAsync({
        id: detail.id,
        action: 'merge',
        body: { intoCaseId: targetId, note: note.trim() || undefined, expectedVersion: detail.version },
      });
      onClose();
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  }

  return (
    <Modal
      title={t('deskCases.merge.title', { number: detail.number })}
      open={open}
      width={1040}
      okText={t('deskCases.merge.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !target.data, danger: true }}
      confirmLoading={merge.isPending}
      onOk={confirm}
      onCancel={onClose}
      afterClose={() => {
        setTargetId(undefined);
        setSearch('');
        setNote('');
        setError(null);
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('deskCases.merge.find')}
          extra={q ? undefined : t('deskCases.merge.suggested')}
          htmlFor="fq-merge-target"
        >
          <Select
            id="fq-merge-target"
            value={targetId}
            onChange={setTargetId}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('deskCases.merge.placeholder')}
            loading={candidates.isFetching}
            notFoundContent={candidates.isFetching ? <Spin size="small" /> : t('deskCases.merge.none')}
            options={(candidates.data ?? []).map((item) => ({
              value: item.id,
              label: `${item.number} · ${item.title} · ${item.gridName ?? ''} · ${t(`case.state.${item.state}`)}`,
            }))}
          />
        </Form.Item>
      </Form>
      {targetId && !target.data && <Spin />}
      {target.data && (
        <>
          <MergeComparison duplicate={detail} kept={target.data} />
          <Typography.Paragraph type="secondary" className="fq-gap">
            {t('deskCases.merge.explain', { duplicate: detail.number, kept: target.data.number })}
          </Typography.Paragraph>
          <Input.TextArea
            aria-label={t('deskCases.form.note')}
            placeholder={t('deskCases.merge.notePlaceholder')}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </>
      )}
      {error && <Alert className="fq-gap" type="error" showIcon title={error} />}
    </Modal>
  );
}
