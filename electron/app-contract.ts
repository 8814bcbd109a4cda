import type { z } from 'zod';
import { coreHandlers } from './core/contract.js';
import type { Dispatcher } from './core/dispatcher.js';
import { syncHandlers } from './sync/handlers.js';
import { countyVillageHandlers } from './county/village/handlers.js';

/**
 * Every method of the API: the core's, sync's and the village's county link, assembled here at the
 * top so that core never imports sync or county. The dispatcher serves this map; the renderer's client is typed against it.
 */
export const handlers = { ...coreHandlers, ...syncHandlers, ...countyVillageHandlers };

export type Handlers = typeof handlers;
export type Method = keyof Handlers;
export type Params<M extends Method> = z.input<Handlers[M]['input']>;
export type Result<M extends Method> = Awaited<ReturnType<Handlers[M]['run']>>;
export type AppDispatcher = Dispatcher<Handlers>;
