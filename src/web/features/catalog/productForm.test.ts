import { describe, expect, it } from 'vitest';
import { marginPercent, parseSize, toProductBody, toProductForm, validateProduct } from './productForm.js';

describe('product form', () => {
  it('sends cents and nulls for blanks', () => {
    const form = { ...toProductForm(null), sku: ' OPI-GC-001 ', name: 'Cuticle Oil', price: '18.50', cost: '', size: '15' };
    expect(toProductBody(form)).toMatchObject({
      sku: 'OPI-GC-001',
      price: 1850,
      cost: 0,
      barcode: null,
      brand: null,
      size: 15,
      unit: null,
      usage: 'retail',
    });
  });

  it('checks SKU, barcode, money and size', () => {
    const form = { ...toProductForm(null), sku: 'A B', barcode: '12', price: '1.234', cost: 'x', size: '-1', taxClass: 'Retail' };
    expect(Object.keys(validateProduct(form)).sort()).toEqual(['barcode', 'cost', 'name', 'price', 'size', 'sku', 'taxClass']);
  });

  it('reads sizes and margins', () => {
    expect(parseSize('1,000')).toBe(1000);
    expect(parseSize('12.5')).toBe(12.5);
    expect(parseSize('0')).toBeNull();
    expect(parseSize('abc')).toBeNull();
    expect(marginPercent(2000, 800)).toBe(60);
    expect(marginPercent(0, 800)).toBeNull();
  });

  it('starts from a scanned barcode', () => {
    expect(toProductForm(null, { barcode: '0123456789012' }).barcode).toBe('0123456789012');
  });
});
