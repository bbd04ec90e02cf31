import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('PUBLIC_URL', () => {
  it('is optional, an http(s) URL, kept without a trailing slash', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: '' }).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://book.lotus.example/' }).publicUrl).toBe('https://book.lotus.example');
    expect(loadConfig({ PUBLIC_URL: 'http://192.168.1.20:3000' }).publicUrl).toBe('http://192.168.1.20:3000');
    for (const bad of ['book.lotus.example', 'ftp://book.lotus.example', 'javascript:alert(1)']) {
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL: must be an http\(s\) URL/);
    }
  });
});
