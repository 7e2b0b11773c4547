import type { EditField, ServiceFields } from './service-edit';

/** An edit as queued: Altegio's copy when the form opened, the form, and Altegio's copy at a conflict. */
export interface ServiceEdit {
  base: ServiceFields;
  mine: ServiceFields;
  theirs: ServiceFields | null;
  /** The fields changed here (base → mine). */
  fields: EditField[];
  /** The fields changed on both sides (with theirs), for the conflict view. */
  conflicts: EditField[];
}

/** One queued or recently sent change, as the Manage panel and the catalogue show it. */
export interface ManageItem {
  id: number;
  kind: 'create-category' | 'create-service' | 'update-service' | 'retire-service';
  locationId: number;
  title: string;
  /** The new service's category, when it is on Altegio; its outbox id when it is waiting too. */
  categoryId: number | null;
  pendingCategoryId: number | null;
  /**
   * pending/sending: "not yet sent"; needs-manager: Altegio said 403; failed: refused for another reason;
   * conflict: Altegio's copy changed the same field meanwhile, the person chooses (`edit.theirs`).
   */
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'needs-manager' | 'conflict';
  /** The Altegio service an edit or a removal is about; null for a create. */
  targetId: number | null;
  /** An edit's three copies (update-service only). */
  edit: ServiceEdit | null;
  remoteId: number | null;
  queuedBy: string;
  lastError: { code: string; message: string } | null;
  createdAt: string;
}

/** The Altegio right each kind of change needs: main refuses without it, and the panel offers no Retry. */
export const KIND_RIGHT = {
  'create-category': 'createCategory',
  'create-service': 'createService',
  'update-service': 'editService',
  'retire-service': 'retireService',
} as const satisfies Record<ManageItem['kind'], string>;
