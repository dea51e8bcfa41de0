export * from './china-time';
export * from './business-calendar';
export * from './appointment-day';
