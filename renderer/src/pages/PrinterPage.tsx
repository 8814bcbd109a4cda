import { PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { PrintReceipt } from '../components/PrintReceipt';
import { normalizeLines, type PaperLine } from '../receipt/receipt-lines';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import {
  checkInterface,
  defaultPrinter,
  normalizePrinter,
  pageWidths,
  parseCopies,
  printerTypes,
  receiptWidths,
  type PrinterSettings,
  type PrinterType,
  type ReceiptWidth,
} from './printer/printer-settings';

export function PrinterPage() {
  const { t, errorText } = useI18n();
  const { message } = AntApp.useApp();
  const [type, setType] = useState<PrinterType>(defaultPrinter.type);
  const [iface, setIface] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [systemPrinters, setSystemPrinters] = useState<{ name: string; displayName: string }[] | null>(null);
  const [width, setWidth] = useState<ReceiptWidth>(defaultPrinter.width);
  const [copies, setCopies] = useState('1');
  const [configured, setConfigured] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [browserPrint, setBrowserPrint] = useState<{ id: number; lines: PaperLine[]; width: number } | null>(null);

  useEffect(() => {
    call('printer.get', {})
      .then((raw) => {
        const p = normalizePrinter(raw);
        setConfigured(p !== null);
        if (p) {
          setType(p.type);
          if (p.type === 'epson' || p.type === 'star') setIface(p.interface);
          if (p.type === 'driver') setDeviceName(p.deviceName);
          setWidth(p.width);
          setCopies(String(p.copies ?? 1));
        }
      })
      .catch((e: unknown) => {
        setConfigured(false);
        setError(errorText(e));
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The OS's printers, listed by the desktop app (none in a browser).
  useEffect(() => {
    if (type !== 'driver' || systemPrinters !== null) return;
    call('printer.systemPrinters', {})
      .then((r) => {
        setSystemPrinters(r.printers);
        const preferred = r.printers[0];
        if (preferred) setDeviceName((d) => d || preferred.name);
      })
      .catch((e: unknown) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type]);

  const raw = type === 'epson' || type === 'star';
  const paged = !raw;
  const targetOk = raw ? checkInterface(iface) : type === 'driver' ? deviceName.trim() !== '' : true;
  const copiesN = parseCopies(copies);
  const widths = paged ? pageWidths : receiptWidths;

  function settings(n: number): PrinterSettings {
    const w = width === 42 ? 32 : width;
    if (type === 'driver') return { type, deviceName: deviceName.trim(), width: w, copies: n };
    if (type === 'browser') return { type, width: w, copies: n };
    return { type, interface: iface.trim(), width, copies: n };
  }

  async function save(): Promise<boolean> {
    if (!targetOk || copiesN === null) return false;
    setBusy('save');
    try {
      await call('printer.configure', settings(copiesN));
      setConfigured(true);
      setError(null);
      message.success(t('saved'));
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function test() {
    setBusy('test');
    try {
      const r = await call('printer.test', {});
      if (r.via === 'browser' && r.lines) setBrowserPrint({ id: r.jobId, lines: normalizeLines(r.lines), width: r.width ?? 32 });
      setError(null);
      message.success(t('testPrinted'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  const widthLabel: Record<ReceiptWidth, MessageKey> = { 32: 'width32', 42: 'width42', 48: 'width48' };
  return (
    <div className="page">
      <div className="page-title">
        <PrinterOutlined /> {t('printerTitle')}
      </div>
      <PrintReceipt job={browserPrint} onPrinted={() => undefined} />
      <Card style={{ maxWidth: 640 }}>
        {configured === false && !error && <Alert type="info" showIcon title={t('printerNotConfigured')} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" size="large" onFinish={() => void save()}>
          <Form.Item label={t('printerType')}>
            <select className="native-select" data-testid="printer-type" value={type} onChange={(e) => setType(e.target.value as PrinterType)}>
              {printerTypes.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </Form.Item>
          {raw && (
            <Form.Item label={t('printerInterface')} help={t('printerInterfaceHelp')} validateStatus={iface && !targetOk ? 'error' : undefined}>
              <Input
                data-testid="printer-interface"
                value={iface}
                placeholder={defaultPrinter.interface}
                onChange={(e) => setIface(e.target.value)}
                spellCheck={false}
              />
            </Form.Item>
          )}
          {type === 'driver' && (
            <Form.Item label={t('printerDevice')} help={systemPrinters && systemPrinters.length === 0 ? t('printerNoSystemPrinters') : undefined}>
              <select className="native-select" data-testid="printer-device" value={deviceName} onChange={(e) => setDeviceName(e.target.value)}>
                {deviceName && !systemPrinters?.some((p) => p.name === deviceName) && <option value={deviceName}>{deviceName}</option>}
                {(systemPrinters ?? []).map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.displayName || p.name}
                  </option>
                ))}
              </select>
            </Form.Item>
          )}
          {type === 'browser' && <Alert type="info" showIcon title={t('printerBrowserHelp')} style={{ marginBottom: 16 }} />}
          <Form.Item label={t('printerWidth')} style={{ marginTop: 12 }}>
            <select
              className="native-select"
              data-testid="printer-width"
              value={paged && width === 42 ? 32 : width}
              onChange={(e) => setWidth(Number(e.target.value) as ReceiptWidth)}
            >
              {widths.map((w) => (
                <option key={w} value={w}>
                  {t(widthLabel[w])}
                </option>
              ))}
            </select>
          </Form.Item>
          <Form.Item label={t('printerCopies')} validateStatus={copiesN === null ? 'error' : undefined}>
            <Input
              data-testid="printer-copies"
              type="number"
              min={1}
              max={5}
              value={copies}
              onChange={(e) => setCopies(e.target.value)}
              style={{ width: 120 }}
            />
          </Form.Item>
          <div style={{ marginBottom: 16 }}>
            <ErrorBanner text={error} onClose={() => setError(null)} />
          </div>
          <Space>
            <Button
              data-testid="printer-save"
              type="primary"
              htmlType="submit"
              icon={<SaveOutlined />}
              loading={busy === 'save'}
              disabled={!targetOk || copiesN === null}
            >
              {t('save')}
            </Button>
            <Button data-testid="printer-test" icon={<PrinterOutlined />} loading={busy === 'test'} onClick={() => void test()}>
              {t('printTest')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
