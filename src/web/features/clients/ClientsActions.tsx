import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, buttonClass } from '../../components/Button.js';
import { Icon } from '../../components/icons.js';
import { LinkButton } from '../../components/LinkButton.js';
import { Menu, MenuItem } from '../../components/Menu.js';
import { useProblemText } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { currentLanguage } from '../../i18n/index.js';
import { useCan } from '../auth/session.js';
import { downloadFile } from './download.js';
import { ClientIcon } from './icons.js';

/** The list's header buttons: import, export, duplicates, custom fields and "New client", each by permission. */
export function ClientsActions({ onNew }: { onNew: (() => void) | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const problem = useProblemText();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadFile('/clients/export.csv', currentLanguage(), 'clients.csv');
      toast(t('clients.exported'));
    } catch (error) {
      const text = problem(error);
      toast(text.detail ?? text.title, 'error');
    } finally {
      setExporting(false);
    }
  };

  const canImport = can('clients.import');
  const canExport = can('clients.export');
  const more = [
    canImport
      ? { key: 'import', label: t('clients.importButton'), small: true, run: () => void navigate({ to: '/clients/import' }) }
      : null,
    canExport ? { key: 'export', label: t('clients.exportCsv'), small: true, run: () => void exportCsv() } : null,
    can('clients.merge')
      ? { key: 'duplicates', label: t('clients.duplicates.nav'), run: () => void navigate({ to: '/clients/duplicates' }) }
      : null,
    can('clients.fields')
      ? { key: 'fields', label: t('clients.customFields.nav'), run: () => void navigate({ to: '/settings/client-fields' }) }
      : null,
  ].filter((x) => x !== null);
  const wide = more.filter((m) => !m.small);

  return (
    <>
      {canImport ? (
        <LinkButton to="/clients/import" className="max-sm:hidden" data-testid="clients-import">
          <ClientIcon name="upload" className="size-4" />
          {t('clients.importButton')}
        </LinkButton>
      ) : null}
      {canExport ? (
        <Button onClick={() => void exportCsv()} loading={exporting} className="max-sm:hidden" data-testid="clients-export">
          {exporting ? null : <ClientIcon name="download" className="size-4" />}
          {t('clients.exportCsv')}
        </Button>
      ) : null}
      {more.length > 0 ? (
        <Menu
          label={t('clients.more')}
          testId="clients-more-menu"
          className={wide.length === 0 ? 'sm:hidden' : undefined}
          trigger={() => (
            <span className={buttonClass('secondary', 'md', 'px-3')}>
              <Icon name="more" className="size-4" />
              <span className="sr-only">{t('clients.more')}</span>
            </span>
          )}
        >
          {(close) =>
            more.map((m) => (
              <div key={m.key} className={m.small ? 'sm:hidden' : undefined}>
                <MenuItem
                  testId={`clients-menu-${m.key}`}
                  onSelect={() => {
                    close();
                    m.run();
                  }}
                >
                  {m.label}
                </MenuItem>
              </div>
            ))
          }
        </Menu>
      ) : null}
      {onNew ? (
        <Button variant="primary" icon="plus" onClick={onNew} data-testid="clients-new">
          {t('clients.add')}
        </Button>
      ) : null}
    </>
  );
}
