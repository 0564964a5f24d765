import type { ChatQualityScoredV1, SafetyIncidentRecordedV1 } from '@serviceops/contracts';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type { AppealDecided, ViolationRecorded } from '../domain/discipline/discipline.events';
import type {
  TrainingAttended,
  TrainingSessionClosed,
} from '../domain/training-session/training-session.events';

export const ASSESSMENT_FACTS_CONSUMER = 'staff-assessment-facts';

/**
 * Other services' events an assessment consumes by type. Orders publishes a sampled chat's quality score and a
 * safety incident (their declared shapes, libs/contracts); the complaints service publishes surveys, and a
 * quality inspection may publish `InspectionScored`, later: their shapes are what this projection reads, tested
 * with recorded events.
 */
export interface SurveyCompletedData {
  readonly staffId: string;
  /** Each on the 4-level scale (1–4): attitude, skill, arrival time, keeping promises. */
  readonly ratings: Readonly<Record<string, number>>;
  readonly completedAt: string;
}
export interface InspectionScoredData {
  readonly staffId: string;
  /** 0–100. */
  readonly score: number;
  readonly inspectedAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const instant = (v: unknown): string | null =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null;

async function fact(
  tx: PoolClient,
  row: {
    id: string;
    tenantId: string;
    staffId: unknown;
    kind: string;
    value?: number | null;
    ref?: string;
    at: unknown;
  },
): Promise<void> {
  const at = instant(row.at);
  if (typeof row.staffId !== 'string' || !UUID.test(row.staffId) || at === null) return;
  await tx.query(
    `INSERT INTO staff.assessment_facts (fact_id, tenant_id, staff_id, kind, value, ref, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (fact_id) DO NOTHING`,
    [row.id, row.tenantId, row.staffId, row.kind, row.value ?? null, row.ref ?? null, at],
  );
}

/** A chat's score on its policy's range [scoreMin, scoreMax], as 0–100; undefined when it is not one. */
export function inspectionScoreOf(d: Partial<ChatQualityScoredV1>): number | undefined {
  const { score, scoreMin, scoreMax } = d;
  if (typeof score !== 'number' || typeof scoreMin !== 'number' || typeof scoreMax !== 'number')
    return undefined;
  if (!(scoreMax > scoreMin) || score < scoreMin || score > scoreMax) return undefined;
  return ((score - scoreMin) * 100) / (scoreMax - scoreMin);
}

/** Keeps the facts assessments score, from own and other services' events (by type). */
export async function projectAssessmentFacts(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId) return;
  const id = event.eventId;
  switch (event.type) {
    case 'ViolationRecorded': {
      const d = (event as unknown as ViolationRecorded).data;
      return fact(tx, {
        id,
        tenantId,
        staffId: d.staffId,
        kind: 'violation',
        ref: d.violationId,
        at: d.occurredAt,
      });
    }
    case 'AppealDecided': {
      const d = (event as unknown as AppealDecided).data;
      if (d.outcome === 'overturned')
        await tx.query(
          `DELETE FROM staff.assessment_facts WHERE tenant_id = $1 AND kind = 'violation' AND ref = $2`,
          [tenantId, d.violationId],
        );
      return;
    }
    case 'TrainingAttended': {
      const d = (event as unknown as TrainingAttended).data;
      await fact(tx, { id, tenantId, staffId: d.staffId, kind: 'training_attended', at: d.recordedAt });
      if (d.score !== null)
        await fact(tx, {
          id: `${id}:test`,
          tenantId,
          staffId: d.staffId,
          kind: 'knowledge_test',
          value: d.score,
          at: d.recordedAt,
        });
      return;
    }
    case 'TrainingSessionClosed': {
      const d = (event as unknown as TrainingSessionClosed).data;
      for (const staffId of d.missed)
        await fact(tx, {
          id: `${id}:${staffId}`,
          tenantId,
          staffId,
          kind: 'training_missed',
          at: d.closedAt,
        });
      return;
    }
    case 'ClockedIn': {
      const d = event.data as { staffId?: unknown; at?: unknown; late?: unknown };
      if (d.late === true)
        return fact(tx, { id, tenantId, staffId: d.staffId, kind: 'late_arrival', at: d.at });
      return;
    }
    case 'ShiftClosed': {
      const d = event.data as { staffId?: unknown; closedAt?: unknown; outcome?: unknown };
      if (d.outcome === 'absent')
        return fact(tx, { id, tenantId, staffId: d.staffId, kind: 'absence', at: d.closedAt });
      return;
    }
    case 'SurveyCompleted': {
      const d = event.data as SurveyCompletedData;
      const levels = Object.values(d.ratings ?? {}).filter((v) => typeof v === 'number' && v >= 1 && v <= 4);
      if (levels.length === 0) return;
      const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
      return fact(tx, { id, tenantId, staffId: d.staffId, kind: 'survey', value: mean, at: d.completedAt });
    }
    case 'InspectionScored': {
      const d = event.data as InspectionScoredData;
      if (typeof d.score !== 'number' || d.score < 0 || d.score > 100) return;
      return fact(tx, {
        id,
        tenantId,
        staffId: d.staffId,
        kind: 'inspection',
        value: d.score,
        at: d.inspectedAt,
      });
    }
    case 'ChatQualityScored': {
      // A sampled chat's inspection, on the policy's range: as a 0–100 score like any inspection.
      const d = event.data as ChatQualityScoredV1;
      const score = inspectionScoreOf(d);
      if (score === undefined) return;
      return fact(tx, {
        id,
        tenantId,
        staffId: d.companionId,
        kind: 'inspection',
        value: score,
        at: d.scoredAt,
      });
    }
    case 'SafetyIncidentRecorded': {
      const d = event.data as SafetyIncidentRecordedV1;
      return fact(tx, { id, tenantId, staffId: d.staffId, kind: 'safety_incident', at: d.occurredAt });
    }
  }
}
