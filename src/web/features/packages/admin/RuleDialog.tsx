import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input, Select, Switch, Textarea } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors } from '../../../http/problem.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../i18n/languages.js';
import { fromTranslationForm, TranslationInputs, toTranslationForm } from '../../catalog/parts/TranslationInputs.js';
import { createRule, PACKAGES_KEY, updateRule } from '../api.js';
import { useTr } from '../format.js';
import type { PackageTemplate, Rule, RuleBody, Translations } from '../types.js';

export function RuleDialog({ rule, templates, onClose }: { rule: Rule | null; templates: PackageTemplate[]; onClose: () => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(rule?.name ?? '');
  const [nameTr, setNameTr] = useState(toTranslationForm(rule?.nameTranslations));
  const [showTr, setShowTr] = useState(Object.values(rule?.nameTranslations ?? {}).some(Boolean));
  const [from, setFrom] = useState(rule?.fromTemplateId ?? '');
  const [trigger, setTrigger] = useState<'completed' | 'remaining'>(rule?.trigger ?? 'remaining');
  const [remaining, setRemaining] = useState(String(rule?.remaining ?? 2));
  const [to, setTo] = useState(rule?.toTemplateId ?? '');
  const [send, setSend] = useState(rule?.sendToClient ?? false);
  const [message, setMessage] = useState<Translations>(rule?.message ?? {});
  const [active, setActive] = useState(rule?.active ?? true);
  const [tried, setTried] = useState(false);
  const n = Number(remaining);
  const okRemaining = trigger === 'completed' || (Number.isInteger(n) && n >= 1 && n <= 50);

  const save = useMutation({
    mutationFn: () => {
      const body: RuleBody = {
        name: name.trim(),
        nameTranslations: fromTranslationForm(nameTr),
        fromTemplateId: from,
        trigger,
        remaining: trigger === 'remaining' ? n : null,
        toTemplateId: to,
        sendToClient: send,
        message: Object.fromEntries(Object.entries(message).filter(([, v]) => v?.trim())),
        active,
      };
      return rule ? updateRule(rule.id, { ...body, version: rule.version }) : createRule(body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(t('packages.rules.saved'));
      onClose();
    },
  });
  const server = fieldErrors(save.error);
  const required = (v: string) => (tried && !v ? t('validation.required') : undefined);
  const submit = () => {
    setTried(true);
    if (!name.trim() || !from || !to || !okRemaining) return;
    save.mutate();
  };
  const options = templates.map((x) => (
    <option key={x.id} value={x.id}>
      {tr(x.name, x.nameTranslations)}
      {x.active ? '' : ` (${t('packages.templates.inactive')})`}
    </option>
  ));
  return (
    <Dialog
      open
      onClose={onClose}
      title={rule ? t('packages.rules.editTitle') : t('packages.rules.newTitle')}
      testId="rule-dialog"
      className="sm:max-w-xl"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={submit} loading={save.isPending} data-testid="rule-save">
            {t('common.save')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Field label={t('packages.rules.name')} error={server.name ?? required(name.trim())}>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
            placeholder={t('packages.rules.namePlaceholder')}
            data-testid="rule-name"
          />
        </Field>
        <div>
          <button
            type="button"
            className="text-sm font-medium text-orchid-700 hover:text-orchid-900"
            onClick={() => setShowTr((v) => !v)}
            aria-expanded={showTr}
            data-testid="rule-name-translations-toggle"
          >
            {showTr ? t('packages.editor.hideTranslations') : t('packages.editor.showTranslations')}
          </button>
          {showTr ? (
            <div className="mt-3">
              <TranslationInputs
                value={nameTr}
                onChange={setNameTr}
                errors={Object.fromEntries(Object.entries(server).map(([k, message]) => [k, { message }]))}
                path="nameTranslations"
                testId="rule-name"
                maxLength={120}
                base={name}
                stacked
              />
            </div>
          ) : null}
        </div>
        <Field label={t('packages.rules.fromLabel')} error={server.fromTemplateId ?? required(from)}>
          <Select value={from} onChange={(e) => setFrom(e.target.value)} data-testid="rule-from">
            <option value="">{t('packages.openDialog.choose')}</option>
            {options}
          </Select>
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          {(['remaining', 'completed'] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={trigger === k}
              onClick={() => setTrigger(k)}
              data-testid={`rule-trigger-${k}`}
              className={cx(
                'h-10 rounded-lg px-4 text-sm font-medium ring-1 ring-inset',
                trigger === k ? 'bg-orchid-50 text-orchid-900 ring-2 ring-orchid-600' : 'bg-white text-zinc-700 ring-zinc-300',
              )}
            >
              {t(`packages.rules.trigger.${k}`)}
            </button>
          ))}
          {trigger === 'remaining' ? (
            <span className="inline-flex items-center gap-2 text-sm text-zinc-600">
              <Input
                inputMode="numeric"
                value={remaining}
                onChange={(e) => setRemaining(e.target.value)}
                className="w-16 text-center"
                invalid={tried && !okRemaining}
                aria-label={t('packages.rules.remainingLabel')}
                data-testid="rule-remaining"
              />
              {t('packages.rules.orFewer')}
            </span>
          ) : null}
        </div>
        <Field label={t('packages.rules.toLabel')} error={server.toTemplateId ?? required(to)}>
          <Select value={to} onChange={(e) => setTo(e.target.value)} data-testid="rule-to">
            <option value="">{t('packages.openDialog.choose')}</option>
            {options}
          </Select>
        </Field>
        <div className="space-y-3 border-t border-zinc-100 pt-4">
          <Switch checked={send} onChange={setSend} label={t('packages.rules.sendToClient')} data-testid="rule-send" />
          {send ? (
            <>
              <p className="text-sm text-zinc-500">{t('packages.rules.sendHint')}</p>
              {LANGUAGES.map((lang) => (
                <Field key={lang} label={<span lang={lang}>{LANGUAGE_NAMES[lang]}</span>} optional={t('common.optional')}>
                  <Textarea
                    lang={lang}
                    rows={2}
                    maxLength={500}
                    value={message[lang] ?? ''}
                    onChange={(e) => setMessage({ ...message, [lang]: e.target.value })}
                    placeholder={t('packages.rules.messagePlaceholder')}
                  />
                </Field>
              ))}
            </>
          ) : null}
          <Switch checked={active} onChange={setActive} label={t('packages.rules.active')} />
        </div>
        <ProblemAlert error={save.error} />
      </div>
    </Dialog>
  );
}
