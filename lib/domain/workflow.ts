/** The life of a profile: draft → in_review → approved → published (see PRODUCT.md). */
export const assessmentStates = ['draft', 'in_review', 'approved', 'published'] as const;
export type AssessmentState = (typeof assessmentStates)[number];

/** Longest note on a transition or a domain review. */
export const MAX_NOTE_LENGTH = 5000;
