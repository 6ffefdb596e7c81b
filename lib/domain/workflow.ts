/** The life of a profile: draft → in_review → approved → published (see PRODUCT.md). */
export const assessmentStates = ['draft', 'in_review', 'approved', 'published'] as const;
export type AssessmentState = (typeof assessmentStates)[number];

/** Longest note on a transition or a domain review. */
export const MAX_NOTE_LENGTH = 5000;

/** How the API's English messages name a state: "The profile is in review". */
export const stateInWords: Record<AssessmentState, string> = {
  draft: 'a draft',
  in_review: 'in review',
  approved: 'approved',
  published: 'published',
};

/** What each transition does to a profile, as a past participle: "it cannot be submitted now". */
export const transitionDoneInWords = {
  submit: 'submitted',
  request_changes: 'sent back for changes',
  approve: 'approved',
  publish: 'published',
} as const;
