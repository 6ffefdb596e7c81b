import { serve } from './serve';

await serve({ demo: true });
