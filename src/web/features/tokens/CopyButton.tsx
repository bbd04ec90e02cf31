import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http on a LAN): fall back to a temporary selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Button
      variant={state === 'copied' ? 'secondary' : 'primary'}
      icon={state === 'copied' ? 'check' : 'copy'}
      data-testid={testId}
      onClick={async () => {
        setState((await copyText(text)) ? 'copied' : 'failed');
        window.setTimeout(() => setState('idle'), 2500);
      }}
    >
      {state === 'copied' ? t('tokens.copied') : state === 'failed' ? t('tokens.copyFailed') : t('tokens.copy')}
    </Button>
  );
}
