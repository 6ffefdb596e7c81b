import { PublicNotFound } from '@/components/errors/public-not-found';

export default PublicNotFound;
