/**
 * Every machine-readable reason an error may carry, declared once and grouped by its code. The
 * client turns {code, reason, details} into words in its own language, so a reason added here
 * without zh-CN and English text fails renderer/src/i18n/error-text.test.ts.
 * Reasons are unique across codes: the text is looked up by reason alone.
 */
export const errorReasons = {
  INVALID_INPUT: [
    'invalid_params', // a zod schema refused the params; details.issues lists {path, code}
    'date_range_reversed',
    'period_outside_year',
    'too_many_rows',
    'new_pin_same',
    'bundle_duplicate_item',
    'item_inactive',
    'open_price_in_bundle',
    'reversal_no_photo',
    'rule_inactive',
    'date_in_future',
    'rule_points_fixed',
    'rule_points_missing',
    'rule_points_out_of_range',
    'duplicate_household_in_batch',
    'person_needs_one_household',
    'reject_needs_reason',
    'duplicate_id_number_in_request',
    'quarter_not_started',
    'backup_unusable',
    'not_backup_name',
    'award_needs_person',
    'award_takes_no_person',
    'open_price_needs_points',
    'open_price_out_of_range',
    'fixed_price_changed',
    'goods_take_no_provider',
    'provider_not_for_service',
    'not_a_service',
    'service_has_no_stock',
    'item_counted_twice',
    'variance_needs_reason',
    // The HTTP edge (electron/server/http.ts) and the shared text validators (validation.ts).
    'content_type',
    'method_not_allowed',
    'body_too_large',
    'too_deep',
    'invalid_json',
    'control_character',
    // A counter's pairing, push and pull (electron/sync/office.ts); bad_push and the two push_ reasons
    // also for a village's push to the county (electron/county/ingest.ts).
    'bad_public_key',
    'bad_push',
    'push_out_of_order', // a push's event seqs must rise, from the last one the receiver holds
    'push_uuid_repeated',
    'bad_pull',
    'bad_pairing_request',
    'unknown_interface', // machine.setLan: an address this PC does not have
    'driver_config_needs_desktop', // printer.configure: a driver printer outside the desktop app
    // setup.complete's schema: the 12-digit 统计用区划代码 and the admin's PIN.
    'village_code_format',
    'village_code_province',
    'village_code_not_village',
    'pin_format',
    'pin_repeated',
    'pin_sequence',
    'office_url_invalid', // sync.pair / sync.setOffice: not an http(s) address
  ],
  UNAUTHENTICATED: [
    'not_signed_in',
    'session_invalid',
    'session_expired',
    'pin_wrong',
    'locked_out',
    'supervisor_pin_wrong',
    'supervisor_locked',
    // A counter's signed sync request (electron/sync/office.ts); the counter acts on them.
    'unknown_terminal',
    'missing',
    'stale',
    'bad_signature',
    'replay',
    'pairing_code',
    'setup_needed', // before the first-run wizard, only setup.* answers
  ],
  FORBIDDEN: [
    'role_not_allowed',
    // The county server and a village's link to it (electron/county).
    'outside_area',
    'wrong_village',
    'not_office',
    'host_not_allowed',
    'origin_not_allowed',
    'untrusted_frame', // the Electron IPC adapter: a call from a frame that is not the app's page
    'office_only',
    'counter_only', // sync.pair on a PC not started as a counter
    'supervisor_not_admin',
    'old_pin_wrong',
    'old_pin_locked',
    'not_your_receipt',
    'recorder_cannot_review',
    'not_your_entry', // points.resubmit: only the recorder (or an admin) corrects a rejected entry
    'not_provider_of_service',
    'void_at_issuing_counter',
    'cannot_demote_self',
    'revoked',
  ],
  NOT_FOUND: [
    'unknown_method',
    'clock_not_settable',
    'unknown_item',
    'unknown_provider',
    'unknown_day_close',
    'unknown_user',
    'unknown_receipt',
    'unknown_household',
    'unknown_entry',
    'unknown_photo',
    'photo_file_missing',
    'unknown_member',
    'unknown_rule',
    'unknown_stocktake',
    'unknown_barcode',
    'unknown_receiving_note',
    'unknown_backup',
    'sync_not_served', // /sync/ on a machine that is not the village office
    'unknown_sync_endpoint',
  ],
  CONFLICT: [
    'duplicate_barcode',
    'kind_cannot_change',
    'duplicate_username',
    'last_admin',
    'receipt_not_voided',
    'receipt_voided',
    'reversal_not_reviewed',
    'already_reviewed',
    'cannot_reverse_reversal',
    'only_approved_reversed',
    'already_reversed',
    'entry_not_rejected', // points.resubmit on an entry that is pending or approved
    'already_resubmitted',
    'duplicate_card',
    'id_number_on_roster',
    'import_plan_changed',
    'board_published',
    'board_not_published',
    'backup_running',
    'paired_no_restore',
    'write_in_progress',
    'restore_failed',
    'backup_copy_failed', // details: file, dir (the copy was removed)
    'request_replayed_different',
    'already_voided',
    'stock_moved',
    'duplicate_record',
    'gap',
    // The desktop updater (app.checkUpdate / app.installUpdate).
    'no_updater',
    'no_update',
    // First-run setup and the machine's role (setup.*, machine.*, sync.unpair).
    'already_set_up',
    'role_fixed',
    'replica',
    'has_history',
    'counter_no_lan',
    'not_paired',
    // A counter pairing with the office (electron/sync/counter.ts).
    'already_paired',
    'counter_not_fresh',
    'unsynced',
    'lan_bind_failed',
  ],
  INSUFFICIENT_POINTS: ['insufficient_points', 'in_notice_period'],
  OUT_OF_STOCK: ['out_of_stock'],
  LIMIT_EXCEEDED: ['item_limit', 'rule_cap'],
  NOT_REDEMPTION_DAY: ['not_redemption_day'],
  PRINTER_UNAVAILABLE: [
    'printer_unreachable',
    'printer_address_invalid',
    'printer_not_configured',
    'printer_timeout',
    'paper_out',
    'cover_open',
    'printer_error',
    'driver_failed',
    'driver_needs_desktop',
  ],
  OFFICE_UNREACHABLE: ['county_unreachable', 'office_unreachable'],
  INTERNAL: ['internal'],
} as const;

export type ReasonCode = keyof typeof errorReasons;
export type ReasonOf<C extends ReasonCode> = (typeof errorReasons)[C][number];
export type ErrorReason = ReasonOf<ReasonCode>;

export const allErrorReasons: readonly ErrorReason[] = Object.values(errorReasons).flat();

/** The code a reason belongs to, or undefined for a reason this build does not know. */
export function codeOfReason(reason: string): ReasonCode | undefined {
  for (const [code, reasons] of Object.entries(errorReasons) as [ReasonCode, readonly string[]][]) {
    if (reasons.includes(reason)) return code;
  }
  return undefined;
}
