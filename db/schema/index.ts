export * from './users';
export * from './jurisdictions';
export * from './auth';
export * from './assessments';
export * from './workflow';
export * from './notifications';
export * from './comments';
export * from './editions';
