// A TypeScript consumer of the package, type-checked under node16, nodenext and bundler
// resolution with erasableSyntaxOnly. Lines marked @ts-expect-error must stay errors.
import {
  Group,
  Kind,
  LogCode,
  counterpart,
  counterparts,
  descriptionIn,
  groupTitle,
  isLocale,
  isLogCode,
  kindOf,
  kindTitle,
  locales,
  lookupLocale,
  titleIn,
  logCodeByName,
  logCodeInfo,
  logCodes,
  version,
  type AnyGroup,
  type AnyKind,
  type AnyLogCode,
  type Locale,
  type LogCodeInfo,
  type LogCodeName,
  type TranslatedLocale,
  type Translation,
} from "log-codes";
// The locale modules (`log-codes/locales/TAG`) are type-checked by test/locales.test.js, which
// writes a consumer for each of the table's translations.

// Nothing here depends on today's rows beyond what the stability guard protects (a released
// code's number, name, kind and group): the lines still type-check after any valid edit.

const login: 2001 = LogCode.SuccessfulLogin;
const blocked: LogCode = LogCode.BlockedIpAddress;
const name: LogCodeName = "SuccessfulLogin";
const failure: Kind = Kind.Failure;
const mfa: Group = "mfa";
const packageVersion: string = version;

// A known code always has metadata; the overload says so.
const info: LogCodeInfo = logCodeInfo(LogCode.BlockedIpAddress);
const title: string = info.title;
const description: string | null = info.description;
const deprecated: string | null = info.deprecated;

// Codes read from data may be newer than the package: any number is accepted, and the result
// may be undefined.
const fromLog: AnyLogCode = Number("65535");
const maybe: LogCodeInfo | undefined = logCodeInfo(fromLog);
const unknownKind: AnyKind = "from_a_newer_table";
const knownGroup: AnyGroup = Group.DirectorySync;

// The narrowing guard.
const raw: number = 4041;
if (isLogCode(raw)) {
  const narrowed: LogCode = raw;
  const sure: LogCodeInfo = logCodeInfo(narrowed);
  void sure;
}

// The metadata list carries literal types, not `number` and `string`.
type FirstCode = (typeof logCodes)[0]["code"];
type FirstName = (typeof logCodes)[0]["name"];
const first: number extends FirstCode ? "widened" : "literal" = "literal";
const firstName: string extends FirstName ? "widened" : "literal" = "literal";
const byName: LogCodeInfo | undefined = logCodeByName("NotAName");

// Titles in the user's language, English where a cell is not translated.
const userLocale: Locale = lookupLocale("tr-TR");
const localTitle: string = titleIn(LogCode.BlockedIpAddress, userLocale);
const localDescription: string | null = descriptionIn(LogCode.BlockedIpAddress, userLocale);
const newerTitle: string | undefined = titleIn(fromLog, "en");
const english: "en" = locales[0];
const translated: TranslatedLocale | "en" = userLocale;
const untranslated: Translation = { title };
const picked: unknown = "tr";
if (isLocale(picked)) {
  const narrowedLocale: Locale = picked;
  void narrowedLocale;
}

// @ts-expect-error not a locale this version has.
const notALocale: Locale = "xx";
// @ts-expect-error the metadata is English only: translations are in the locale modules.
const englishTranslation = info.translations;
// Display titles of kinds and groups: a known word always has one.
const groupHeading: string = groupTitle(Group.DirectorySync, userLocale);
const kindHeading: string = kindTitle(Kind.Failure);
const newerGroupHeading: string | undefined = groupTitle(unknownKind);
// The kind of any number, known or not, from the kinds' ranges; counterparts are known codes.
const kindOfNewer: Kind | undefined = kindOf(65535);
const successOf: LogCode | undefined = counterpart(info.code);
const failuresOf: LogCode[] = counterparts(info.code);
const pairedInfo: LogCode | null = info.counterpart;
// @ts-expect-error kindOf may find no kind: its result is not always a Kind.
const alwaysAKind: Kind = kindOf(65535);

// @ts-expect-error a code is a whole number from 0 to 65535: -1 never is one.
const notACode: LogCode = -1;
// @ts-expect-error LogCode is readonly.
LogCode.SuccessfulLogin = 2002;
// @ts-expect-error kinds are snake_case words: never capitalized.
const notAKind: Kind = "Failure";
// @ts-expect-error groups are snake_case words: never with a space.
const notAGroup: Group = "Directory Sync";
// @ts-expect-error not a name.
const notAName: LogCodeName = "successfulLogin";
// @ts-expect-error the metadata list is readonly.
logCodes.push(info);
// @ts-expect-error an unknown code may have no metadata.
const surely: LogCodeInfo = logCodeInfo(fromLog);

export {
  blocked,
  byName,
  deprecated,
  description,
  english,
  englishTranslation,
  failure,
  first,
  firstName,
  groupHeading,
  kindHeading,
  knownGroup,
  localDescription,
  localTitle,
  login,
  maybe,
  mfa,
  name,
  newerGroupHeading,
  newerTitle,
  notACode,
  notAGroup,
  notAKind,
  notALocale,
  notAName,
  packageVersion,
  surely,
  title,
  translated,
  unknownKind,
  untranslated,
};
