import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { CommentLabels } from '@/components/comments/labels';

export async function getCommentLabels(): Promise<CommentLabels> {
  const t = await getTranslations('comments');
  const keys = ['comment', 'commentOnSelection', 'composerTitle', 'body', 'submit', 'cancel', 'selectFirst', 'saveFirst', 'reply', 'replyLabel', 'resolve', 'reopen', 'mentionHint', 'mentionList', 'mentionNone', 'passageLabel', 'keyboardHow'] as const;
  const labels = Object.fromEntries(keys.map((k) => [k, t(k)])) as unknown as Omit<CommentLabels, 'mentionCounts'>;
  return { ...labels, mentionCounts: Array.from({ length: 9 }, (_, n) => t('mentionCount', { n })) };
}
