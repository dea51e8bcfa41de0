import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupCandidatesDocument, FillBackupTaskDocument, OpenBackupTasksQuery } from '../../gql/graphql';
import { EnumLabel, enumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../lib/errors';
import { formatChinaDateTime } from '../../lib/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../lib/graphql';
import { ResponsiveList } from '../../lib/responsive-list';
import { Loaded } from '../../lib/states';
import { productOf } from './work-order-text';

type Task = OpenBackupTasksQuery['openBackupTasks'][number];

/** The open searches for a backup engineer, each with its candidates (nearby skilled engineers, then ones to certify). */
export function BackupTasks({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation('dispatch');
  const [open, setOpen] = useState<Task>();
  return (
    <>
      <ResponsiveList<Task>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={tasks}
        data-testid="backup-tasks"
        columns={[
          { title: t('col.city'), dataIndex: 'city' },
          { title: t('backup.work'), dataIndex: 'workType', render: (value: string) => <EnumLabel enum="SettlementWorkType" value={value} /> },
          { title: t('backup.skill'), key: 'skill', render: (_, task) => productOf(task) },
          { title: t('backup.deadline'), dataIndex: 'deadline', render: formatChinaDateTime },
          { title: t('backup.opened'), dataIndex: 'openedAt', render: formatChinaDateTime },
          {
            title: t('common:table.actions'),
            key: 'find',
            render: (_, task) => (
              <Button size="small" onClick={() => setOpen(task)}>
                {t('backup.find')}
              </Button>
            ),
          },
        ]}
      />
      {open && <BackupCandidatesModal task={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

function BackupCandidatesModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation('dispatch');
  const { message } = App.useApp();
  const candidates = useGraphQLQuery(BackupCandidatesDocument, { taskId: task.id });
  const fill = useGraphQLMutation(FillBackupTaskDocument, { invalidates: ['OpenBackupTasks', 'DayBoard'] });

  const choose = async (engineerId: string) => {
    try {
      await fill.mutateAsync({ taskId: task.id, input: { engineerId } });
      message.success(t('backup.filled'));
      onClose();
    } catch {
      // shown in the dialog (fill.error)
    }
  };

  return (
    <Modal open title={t('backup.title', { city: task.city, product: productOf(task) })} onCancel={onClose} footer={null} width={720}>
      {fill.error ? <ErrorNotice error={fill.error} /> : null}
      <Loaded query={candidates} isEmpty={(data) => data.backupCandidates.length === 0} empty={t('backup.noCandidates')}>
        {(data) => (
          <ResponsiveList
            rowKey={(candidate) => candidate.engineer.id}
            size="small"
            pagination={false}
            dataSource={data.backupCandidates}
            columns={[
              { title: t('col.engineer'), key: 'name', render: (_, candidate) => candidate.engineer.name },
              { title: t('backup.homeCity'), key: 'home', render: (_, candidate) => candidate.engineer.homeCity },
              { title: t('backup.kind'), dataIndex: 'kind', render: (value: string) => enumLabel('BackupCandidateKind', value) },
              { title: t('backup.covers'), dataIndex: 'coversCity', render: (value: boolean) => t(value ? 'common:states.yes' : 'common:states.no') },
              {
                title: t('common:table.actions'),
                key: 'choose',
                render: (_, candidate) => (
                  <Button size="small" type="primary" loading={fill.isPending} onClick={() => void choose(candidate.engineer.id)}>
                    {t('backup.choose')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </Modal>
  );
}
