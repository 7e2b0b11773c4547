export { TodayCache, TODAY_SCHEMA, type CachedPart, type TodayKey, type TodayPart } from './today-cache';
