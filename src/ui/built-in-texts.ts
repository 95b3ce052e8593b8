import type { Lang } from '../config/config-types';
import { textsEn } from './texts-en';
import { textsRu, type Texts } from './texts-ru';

/**
 * The interface strings shipped for each language. The script-tag build replaces this module with one
 * language per interface file (soglasie-ui-ru.iife.js, soglasie-ui-en.iife.js): a visitor downloads only
 * the strings of the language the page shows.
 */
export const builtInTexts: Partial<Record<Lang, Texts>> = { ru: textsRu, en: textsEn };
