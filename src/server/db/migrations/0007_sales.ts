import { type Kysely, sql } from 'kysely';

// Checkout: tickets (sales) and their lines, the taxes / tips / tenders written when a sale completes,
// refunds and voids, per-store receipt counters and checkout settings; cash drawer shifts.
//
// Receipt numbers are gap-free per store: `receipt_counters.last_number` is incremented by
// `UPDATE … SET last_number = last_number + 1 … RETURNING` inside the completing transaction, so a rolled
// back completion gives its number back and two completions in one store serialize on that row (row lock
// on PostgreSQL, the single writer on SQLite). `(store_id, receipt_number)` is unique on sales and refunds.
// Instants bigint epoch ms, booleans 0/1, JSON as text, money integer cents.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('store_sales_settings')
    .addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('receipt_counters')
    .addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'))
    .addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('drawer', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('opening_float', 'integer', (c) => c.notNull())
    .addColumn('opening_counts', 'text') // JSON { "denomination in cents": count }
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'bigint')
    .addColumn('counted_cash', 'integer')
    .addColumn('closing_counts', 'text')
    .addColumn('expected_cash', 'integer')
    .addColumn('over_short', 'integer')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // One open shift per drawer.
  await db.schema
    .createIndex('shifts_one_open_idx')
    .on('shifts')
    .columns(['store_id', 'drawer'])
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema.createIndex('shifts_store_idx').on('shifts').columns(['store_id', 'opened_at']).execute();

  await db.schema
    .createTable('shift_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shift_id', 'text', (c) => c.notNull().references('shifts.id'))
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('paid_in', 'paid_out')`))
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shift_movements_shift_idx').on('shift_movements').column('shift_id').execute();

  await db.schema
    .createTable('sales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'completed', 'voided', 'discarded')`))
    .addColumn('label', 'text')
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('ticket_discount', 'text') // JSON DiscountInput
    .addColumn('discount_approved_by', 'text')
    .addColumn('subtotal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discount_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tip_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cash_rounding', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_paid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('change_due', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refunded_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('receipt_number', 'integer')
    .addColumn('receipt_code', 'text')
    .addColumn('business_date', 'text')
    .addColumn('shift_id', 'text', (c) => c.references('shifts.id'))
    .addColumn('email_receipt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('receipt_language', 'text')
    .addColumn('created_by', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'bigint')
    .addColumn('voided_by', 'text')
    .addColumn('voided_at', 'bigint')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('sales_receipt_when_completed', sql`(status in ('open', 'discarded')) = (receipt_number is null)`)
    .execute();
  await db.schema.createIndex('sales_receipt_idx').on('sales').columns(['store_id', 'receipt_number']).unique().execute();
  await db.schema.createIndex('sales_store_status_idx').on('sales').columns(['store_id', 'status', 'updated_at']).execute();
  await db.schema.createIndex('sales_store_date_idx').on('sales').columns(['store_id', 'business_date']).execute();
  await db.schema.createIndex('sales_client_idx').on('sales').columns(['client_id', 'completed_at']).execute();
  await db.schema.createIndex('sales_shift_idx').on('sales').column('shift_id').execute();
  // An appointment is on at most one live ticket.
  await db.schema
    .createIndex('sales_appointment_idx')
    .on('sales')
    .column('appointment_id')
    .unique()
    .where(sql<boolean>`appointment_id is not null and status in ('open', 'completed')`)
    .execute();

  await db.schema
    .createTable('sale_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sales.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('tax_class', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price', 'integer', (c) => c.notNull().check(sql`unit_price >= 0`))
    // The kind's own price before a typed override; an override is audited with its reason.
    .addColumn('list_price', 'integer', (c) => c.notNull())
    .addColumn('price_override_reason', 'text')
    .addColumn('discount', 'text') // JSON DiscountInput
    // The manager who approved a discount or a price below the list price over the store's threshold.
    .addColumn('approved_by', 'text')
    .addColumn('discountable', 'integer', (c) => c.notNull())
    .addColumn('price_overridable', 'integer', (c) => c.notNull())
    .addColumn('tip_eligible', 'integer', (c) => c.notNull())
    .addColumn('staff', 'text', (c) => c.notNull().defaultTo('[]')) // JSON StaffShare[]
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    // The kind's fields as entered (JSON): an unchanged line is not resolved again on the next save.
    .addColumn('input', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('note', 'text')
    .addColumn('gross', 'integer', (c) => c.notNull())
    .addColumn('line_discount', 'integer', (c) => c.notNull())
    .addColumn('ticket_discount', 'integer', (c) => c.notNull())
    .addColumn('net', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('pre_tax', 'integer', (c) => c.notNull())
    .addColumn('refunded_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refunded_amount', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sale_lines_sale_idx').on('sale_lines').columns(['sale_id', 'position']).execute();
  await db.schema.createIndex('sale_lines_ref_idx').on('sale_lines').columns(['ref_id', 'kind']).execute();

  // Written at completion, for reports: who performed what share of which line.
  await db.schema
    .createTable('sale_line_staff')
    .addColumn('line_id', 'text', (c) => c.notNull().references('sale_lines.id'))
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('share_bp', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull()) // pre-tax revenue credited
    .addPrimaryKeyConstraint('sale_line_staff_pk', ['line_id', 'staff_id'])
    .execute();
  await db.schema.createIndex('sale_line_staff_staff_idx').on('sale_line_staff').column('staff_id').execute();

  await db.schema
    .createTable('sale_taxes')
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sales.id'))
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_taxes_pk', ['line_id', 'code'])
    .execute();
  await db.schema.createIndex('sale_taxes_sale_idx').on('sale_taxes').column('sale_id').execute();

  await db.schema
    .createTable('sale_tenders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sales.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('tendered', 'integer', (c) => c.notNull())
    .addColumn('change_due', 'integer', (c) => c.notNull())
    .addColumn('tip', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('refunded_amount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shift_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('sale_tenders_refund_le_amount', sql`refunded_amount <= amount`)
    .execute();
  await db.schema.createIndex('sale_tenders_sale_idx').on('sale_tenders').columns(['sale_id', 'position']).execute();
  await db.schema.createIndex('sale_tenders_shift_idx').on('sale_tenders').column('shift_id').execute();

  await db.schema
    .createTable('sale_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sales.id'))
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('refund', 'void')`))
    .addColumn('receipt_number', 'integer', (c) => c.notNull())
    .addColumn('receipt_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addColumn('tip', 'integer', (c) => c.notNull())
    .addColumn('cash_rounding', 'integer', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('shift_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sale_refunds_receipt_idx').on('sale_refunds').columns(['store_id', 'receipt_number']).unique().execute();
  await db.schema.createIndex('sale_refunds_sale_idx').on('sale_refunds').column('sale_id').execute();
  await db.schema.createIndex('sale_refunds_store_date_idx').on('sale_refunds').columns(['store_id', 'business_date']).execute();

  await db.schema
    .createTable('sale_refund_lines')
    .addColumn('refund_id', 'text', (c) => c.notNull().references('sale_refunds.id'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('sale_lines.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('net', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('taxes', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [{ code, amount }]
    .addPrimaryKeyConstraint('sale_refund_lines_pk', ['refund_id', 'line_id'])
    .execute();

  await db.schema
    .createTable('sale_refund_tenders')
    .addColumn('refund_id', 'text', (c) => c.notNull().references('sale_refunds.id'))
    .addColumn('tender_id', 'text', (c) => c.notNull().references('sale_tenders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('shift_id', 'text')
    .addPrimaryKeyConstraint('sale_refund_tenders_pk', ['refund_id', 'tender_id'])
    .execute();
  await db.schema.createIndex('sale_refund_tenders_shift_idx').on('sale_refund_tenders').column('shift_id').execute();

  // Tips per technician and tender, for payroll; a refund writes negative rows with its refund_id.
  await db.schema
    .createTable('sale_tips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sales.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('tender_id', 'text', (c) => c.references('sale_tenders.id'))
    .addColumn('tender_kind', 'text')
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('refund_id', 'text', (c) => c.references('sale_refunds.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sale_tips_sale_idx').on('sale_tips').column('sale_id').execute();
  await db.schema.createIndex('sale_tips_staff_idx').on('sale_tips').columns(['staff_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
