import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, COMMON_ZONES, supportedTimeZones, zoneOffset } from '../lib/timezones.js';
import { Input, Select } from './Input.js';

const OTHER = '__other__';

/**
 * A store time zone: common North American zones (and this device's zone) in a list, or any other
 * IANA zone typed in with suggestions. The parent validates with normalizeTimeZone().
 */
export function TimeZonePicker({
  value,
  onChange,
  testId = 'timezone',
  invalid,
}: {
  value: string;
  onChange: (zone: string) => void;
  testId?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const device = browserTimeZone();
  const deviceIsCommon = COMMON_ZONES.some((z) => z.zone === device);
  const known = (zone: string) => zone === device || COMMON_ZONES.some((z) => z.zone === zone);
  const [other, setOther] = useState(() => !known(value));
  const selectValue = other ? OTHER : value;

  const label = (zone: string, name: string) => {
    const offset = zoneOffset(zone);
    return offset ? `${name} · ${offset}` : name;
  };

  return (
    <div className="flex flex-col gap-2">
      <Select
        data-testid={testId}
        value={selectValue}
        invalid={invalid && !other}
        onChange={(e) => {
          if (e.target.value === OTHER) {
            setOther(true);
            return;
          }
          setOther(false);
          onChange(e.target.value);
        }}
      >
        {!deviceIsCommon ? <option value={device}>{label(device, t('timeZones.device', { zone: device }))}</option> : null}
        <optgroup label={t('timeZones.unitedStates')}>
          {COMMON_ZONES.filter((z) => z.country === 'us').map((z) => (
            <option key={z.zone} value={z.zone}>
              {label(z.zone, t(`timeZones.${z.label}`))}
              {z.zone === device ? ` — ${t('timeZones.thisDevice')}` : ''}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('timeZones.canada')}>
          {COMMON_ZONES.filter((z) => z.country === 'ca').map((z) => (
            <option key={z.zone} value={z.zone}>
              {label(z.zone, t(`timeZones.${z.label}`))}
              {z.zone === device ? ` — ${t('timeZones.thisDevice')}` : ''}
            </option>
          ))}
        </optgroup>
        <option value={OTHER}>{t('timeZones.other')}</option>
      </Select>
      {other ? (
        <>
          <Input
            id={`${listId}-input`}
            data-testid={`${testId}-other`}
            value={value}
            list={listId}
            placeholder={t('timeZones.otherPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            invalid={invalid}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={listId}>
            {supportedTimeZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </>
      ) : null}
    </div>
  );
}
