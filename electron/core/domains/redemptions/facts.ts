export interface RedemptionLineFacts {
  itemId: number;
  name: string;
  kind: 'goods' | 'service';
  unit: string;
  qty: number;
  unitPoints: number;
  linePoints: number;
  providerId: number | null;
}

/**
 * Everything needed to write the same redemption in another database (the office, another counter),
 * where ids, the catalog's current names and this call's context may all differ.
 */
export interface RedemptionFacts {
  receiptNo: string;
  counterId: string;
  year: number;
  householdId: number;
  cardNo: string;
  kind: 'counter' | 'service';
  totalPoints: number;
  requestId: string;
  requestHash: string;
  result: string;
  at: string;
  localDate: string;
  operatorId: number;
  overrideBy: number | null;
  overrideReason: string | null;
  lines: RedemptionLineFacts[];
}
