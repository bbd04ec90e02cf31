// Family members who may use a shareable package (a mother's massage card her daughter uses too).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { useDebounced } from '../../../lib/useDebounced.js';
import { clientSearchQuery } from '../../clients/api.js';
import { fullName } from '../../clients/format.js';
import type { ClientSummary } from '../../clients/types.js';
import { addMember, PACKAGES_KEY, removeMember } from '../api.js';
import { useTr } from '../format.js';
import type { ClientPackage } from '../types.js';

export function MembersDialog({ pkg: p, onClose }: { pkg: ClientPackage; onClose: () => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<ClientSummary | null>(null);
  const [relation, setRelation] = useState('');
  const search = useDebounced(q, 250);
  const results = useQuery({ ...clientSearchQuery({ q: search }), enabled: search.trim().length >= 2 && !picked });
  const full = p.members.length >= p.terms.sharing.maxMembers;
  const taken = new Set([p.clientId, ...p.members.map((m) => m.clientId)]);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
  const add = useMutation({
    mutationFn: () => addMember(p.id, { clientId: picked!.id, ...(relation.trim() ? { relation: relation.trim() } : {}) }),
    onSuccess: () => {
      refresh();
      toast(t('packages.members.added', { name: picked ? fullName(picked) : '' }));
      setPicked(null);
      setQ('');
      setRelation('');
    },
  });
  const remove = useMutation({
    mutationFn: (clientId: string) => removeMember(p.id, clientId),
    onSuccess: refresh,
  });
  const members = p.members;

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('packages.members.title')}
      testId="members-dialog"
      className="sm:max-w-lg"
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <div className="space-y-4">
        <p>{t('packages.members.intro', { name: tr(p.name, p.nameTranslations), max: p.terms.sharing.maxMembers })}</p>
        {members.length ? (
          <ul className="divide-y divide-zinc-100 rounded-xl ring-1 ring-zinc-200">
            {members.map((m) => (
              <li key={m.clientId} className="flex items-center gap-3 px-3 py-2.5" data-testid="member-row">
                <Avatar name={m.name} seed={m.clientId} className="size-8 text-xs" />
                <span className="min-w-0 flex-1 truncate text-sm text-zinc-800">
                  {m.name}
                  {m.relation ? <span className="text-zinc-500"> · {m.relation}</span> : null}
                </span>
                <Button
                  size="sm"
                  variant="danger-ghost"
                  onClick={() => remove.mutate(m.clientId)}
                  loading={remove.isPending && remove.variables === m.clientId}
                  data-testid="member-remove"
                >
                  {t('packages.members.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-zinc-500">{t('packages.members.none')}</p>
        )}
        {full ? (
          <p className="text-sm text-zinc-500">{t('packages.members.full', { max: p.terms.sharing.maxMembers })}</p>
        ) : picked ? (
          <div className="space-y-3 rounded-xl bg-zinc-50 p-3 ring-1 ring-zinc-200">
            <div className="flex items-center gap-3">
              <Avatar name={fullName(picked)} seed={picked.id} className="size-8 text-xs" />
              <span className="flex-1 text-sm font-medium text-zinc-900">{fullName(picked)}</span>
              <Button size="sm" variant="ghost" onClick={() => setPicked(null)}>
                {t('packages.members.change')}
              </Button>
            </div>
            <Field label={t('packages.members.relation')} optional={t('common.optional')}>
              <Input
                value={relation}
                onChange={(e) => setRelation(e.target.value)}
                maxLength={40}
                placeholder={t('packages.members.relationPlaceholder')}
                data-testid="member-relation"
              />
            </Field>
            <Button variant="primary" onClick={() => add.mutate()} loading={add.isPending} data-testid="member-add">
              {t('packages.members.add')}
            </Button>
          </div>
        ) : (
          <div className="space-y-2">
            <Field label={t('packages.members.find')}>
              <Input
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t('packages.members.findPlaceholder')}
                data-testid="member-search"
              />
            </Field>
            {results.data?.data.length ? (
              <ul className="max-h-56 overflow-y-auto rounded-xl ring-1 ring-zinc-200">
                {results.data.data
                  .filter((c) => !c.archived)
                  .map((c) => (
                    <li key={c.id}>
                      <button
                        type="button"
                        disabled={taken.has(c.id)}
                        onClick={() => setPicked(c)}
                        data-testid="member-result"
                        className={cx(
                          'flex w-full items-center gap-3 px-3 py-2 text-left text-sm hover:bg-orchid-50 disabled:cursor-not-allowed disabled:opacity-50',
                        )}
                      >
                        <Icon name="user" className="size-4 text-zinc-400" />
                        <span className="flex-1 truncate">{fullName(c)}</span>
                        <span className="tabular-nums text-zinc-500">{c.phoneDisplay}</span>
                      </button>
                    </li>
                  ))}
              </ul>
            ) : null}
          </div>
        )}
        <ProblemAlert error={add.error ?? remove.error} />
      </div>
    </Dialog>
  );
}
