import { NextResponse } from 'next/server';
import { withApiActor } from '@/lib/api/handler';
import { getJurisdictionBySlug } from '@/lib/data/jurisdictions';

export const dynamic = 'force-dynamic';

/** A jurisdiction the caller holds a role on (any, for admins); 404 otherwise. */
export const GET = withApiActor(async (_request, actor, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const j = await getJurisdictionBySlug(actor, slug);
  return NextResponse.json({
    slug: j.slug,
    name: j.name,
    level: j.level,
    country: j.country,
    parent: j.parentName,
    people: j.people.map((p) => ({ name: p.name, role: p.role })),
  });
});
