// The server's 80 mm receipt in a paper-like frame, with Print (the browser prints the frame only, so any
// thermal printer set up on this computer works) and a choice of language.
import { type Ref, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Select } from '../../../components/Input.js';
import { Spinner } from '../../../components/Spinner.js';
import { receiptUrl } from '../api.js';
import { CIcon } from '../icons.js';

export type ReceiptHandle = { print: () => void };

export function ReceiptFrame({
  saleId,
  refundId,
  ref,
  testId = 'receipt-frame',
}: {
  saleId: string;
  refundId?: string;
  ref?: Ref<ReceiptHandle>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const [lang, setLang] = useState('');
  const [height, setHeight] = useState(480);
  const [loaded, setLoaded] = useState(false);
  const print = () => frame.current?.contentWindow?.print();
  useImperativeHandle(ref, () => ({ print }));
  const src = receiptUrl(saleId, { ...(lang ? { lang } : {}), ...(refundId ? { refundId } : {}) });
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2">
        <Select
          value={lang}
          onChange={(e) => {
            setLoaded(false);
            setLang(e.target.value);
          }}
          aria-label={t('checkout.receipt.language')}
          className="min-w-0 flex-1"
        >
          <option value="">{t('checkout.receipt.clientLanguage')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
          <option value="zh-TW">繁體中文</option>
        </Select>
        <Button onClick={print} data-testid="receipt-print" disabled={!loaded}>
          <CIcon name="printer" className="size-4" />
          {t('checkout.receipt.print')}
        </Button>
      </div>
      <div className="relative mx-auto w-[322px] max-w-full rounded-sm bg-white p-2.5 shadow-[0_1px_3px_rgb(0_0_0/0.12),0_8px_24px_-12px_rgb(0_0_0/0.25)] ring-1 ring-zinc-200">
        {!loaded ? (
          <div className="absolute inset-0 flex items-center justify-center">
            <Spinner className="size-5 text-orchid-600" />
          </div>
        ) : null}
        <iframe
          ref={frame}
          key={src}
          src={src}
          title={t('checkout.receipt.title')}
          data-testid={testId}
          className="block w-full border-0"
          style={{ height }}
          onLoad={() => {
            setLoaded(true);
            const doc = frame.current?.contentDocument;
            const body = doc?.body;
            if (body && doc.defaultView) {
              const css = doc.defaultView.getComputedStyle(body);
              const full = body.offsetHeight + Number.parseFloat(css.marginTop) + Number.parseFloat(css.marginBottom);
              setHeight(Math.min(2400, Math.max(160, Math.ceil(full) + 2)));
            }
          }}
        />
      </div>
    </div>
  );
}
