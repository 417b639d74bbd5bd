import { EditOutlined, PlusOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Spin, Tag, Tree, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Area } from '../../shared/types.ts';
import type { Boundaries } from '../geo/geo-types.ts';
import { AreaFormDialog, childLevelOf, RetireAreaDialog } from './AreaDialogs.tsx';
import { type AreaTreeNode, treeData, useAreaTree } from './area-tree.ts';
import { GeoJsonImport } from './GeoJsonImport.tsx';

const BoundaryPreview = lazy(() => import('../geo/BoundaryPreview.tsx'));

type Dialog = 'create' | 'rename' | 'retire' | 'import' | null;

/** Areas: the tree a level at a time, the chosen area's details and boundaries, and the changes an administrator makes. */
export function AreasTab() {
  const { t } = useI18n();
  const tree = useAreaTree(true);
  const [selected, setSelected] = useState<Area | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);

  // Open on the person's own area, its next level showing.
  const first = tree.roots.data?.[0];
  const { load } = tree;
  useEffect(() => {
    if (!first) return;
    setSelected((current) => current ?? first);
    setExpanded((keys) => (keys.length ? keys : [first.id]));
    void load(first.id);
  }, [first, load]);

  const reload = async (parentId: string) => {
    const items = await tree.load(parentId);
    setExpanded((keys) => (keys.includes(parentId) ? keys : [...keys, parentId]));
    setSelected((current) => (current ? (items.find((a) => a.id === current.id) ?? current) : current));
  };
  const reloadAll = async () => {
    await Promise.all(Object.keys(tree.children).map((id) => tree.load(id)));
  };

  const title = (area: Area) => (
    <span className="fq-area-title">
      <span className={area.retiredAt ? 'fq-area-retired' : undefined}>{area.name}</span>
      <Tag bordered={false}>{t(`admin.level.${area.level}`)}</Tag>
      {area.retiredAt && <Tag color="default">{t('admin.areas.retiredTag')}</Tag>}
    </span>
  );
  const decorate = (nodes: AreaTreeNode[]): unknown[] =>
    nodes.map((node) => ({ ...node, title: title(node.area), children: node.children && decorate(node.children) }));

  return (
    <div className="fq-admin-split">
      <Card
        title={t('admin.areas.tree')}
        extra={
          <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
            {t('admin.import.open')}
          </Button>
        }
      >
        {tree.roots.isLoading ? (
          <Spin />
        ) : (
          <Tree
            blockNode
            showLine
            aria-label={t('admin.areas.tree')}
            treeData={decorate(treeData(tree.roots.data ?? [], tree.children)) as never}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys.map(String))}
            loadData={async (node) => {
              await tree.load(String(node.key));
            }}
            selectedKeys={selected ? [selected.id] : []}
            onSelect={(_, info) => setSelected((info.node as unknown as AreaTreeNode).area)}
          />
        )}
      </Card>
      <Card title={selected ? selected.name : t('admin.areas.details')}>
        {selected ? <AreaDetail area={selected} onAction={setDialog} /> : <Empty description={t('admin.areas.pick')} />}
      </Card>
      {selected && (
        <>
          <AreaFormDialog
            mode="create"
            area={selected}
            open={dialog === 'create'}
            onClose={() => setDialog(null)}
            onSaved={reload}
          />
          <AreaFormDialog
            mode="rename"
            area={selected}
            open={dialog === 'rename'}
            onClose={() => setDialog(null)}
            onSaved={reload}
          />
          <RetireAreaDialog area={selected} open={dialog === 'retire'} onClose={() => setDialog(null)} onSaved={reload} />
        </>
      )}
      <GeoJsonImport open={dialog === 'import'} onClose={() => setDialog(null)} onImported={reloadAll} />
    </div>
  );
}

function AreaDetail({ area, onAction }: { area: Area; onAction: (dialog: Dialog) => void }) {
  const { t, dateTime } = useI18n();
  const child = childLevelOf(area.level);
  const drawLevel =
    area.level === 'community' ? 'grid' : area.level === 'street' || area.level === 'district' ? 'community' : null;
  const boundaries = useQuery({
    queryKey: ['boundaries', area.id, drawLevel],
    queryFn: () => api<Boundaries>(`/api/areas/${area.id}/boundaries${query({ level: drawLevel ?? 'grid' })}`),
    enabled: drawLevel !== null && !area.retiredAt,
  });
  return (
    <Space direction="vertical" size="middle" className="fq-admin-full">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('admin.areas.level')}>{t(`admin.level.${area.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('admin.areas.code')}>{area.code}</Descriptions.Item>
        <Descriptions.Item label={t('admin.areas.responsible')}>{area.responsibleName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('admin.areas.children')}>{area.childCount}</Descriptions.Item>
        <Descriptions.Item label={t('admin.areas.boundary')}>
          {area.boundary ? t('admin.areas.boundaryDrawn') : t('admin.areas.boundaryNone')}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.areas.updated')}>{dateTime(area.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {!area.retiredAt && (
        <Space wrap>
          {child && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onAction('create')}>
              {t('admin.areas.add', { level: t(`admin.level.${child}`) })}
            </Button>
          )}
          <Button icon={<EditOutlined />} onClick={() => onAction('rename')}>
            {t('admin.areas.rename')}
          </Button>
          <Button danger icon={<StopOutlined />} onClick={() => onAction('retire')}>
            {t('admin.areas.retire')}
          </Button>
        </Space>
      )}
      {drawLevel && !area.retiredAt && (
        <div>
          <Typography.Title level={5}>{t('admin.areas.boundaries', { level: t(`admin.level.${drawLevel}`) })}</Typography.Title>
          {boundaries.data && boundaries.data.features.length > 0 ? (
            <Suspense fallback={<Spin />}>
              <BoundaryPreview mapKey={`area-${area.id}`} boundaries={boundaries.data} height={360} />
            </Suspense>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.areas.noBoundaries')} />
          )}
        </div>
      )}
    </Space>
  );
}
