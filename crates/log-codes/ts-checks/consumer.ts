// A TypeScript consumer of the package, type-checked under node16, nodenext and bundler
// resolution with erasableSyntaxOnly. Lines marked @ts-expect-error must stay errors.
import {
  Group,
  Kind,
  LogCode,
  descriptionIn,
  isLocale,
  isLogCode,
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
} from "log-codes";

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

// Codes read from data may be newer than the package: accepted, and the result may be undefined.
const fromLog: AnyLogCode = 4999;
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

// The metadata list carries literal types.
const first: 100 = logCodes[0].code;
const firstName: "ApiReadOperation" = logCodes[0].name;
const byName: LogCodeInfo | undefined = logCodeByName("NotAName");

// Titles in the user's language, English where a cell is not translated.
const userLocale: Locale = lookupLocale("tr-TR");
const localTitle: string = titleIn(LogCode.BlockedIpAddress, userLocale);
const localDescription: string | null = descriptionIn(LogCode.BlockedIpAddress, "tr");
const newerTitle: string | undefined = titleIn(fromLog, "en");
const english: "en" = locales[0];
const turkishTitle: string | undefined = info.translations.tr?.title;
const picked: unknown = "tr";
if (isLocale(picked)) {
  const narrowedLocale: Locale = picked;
  void narrowedLocale;
}

// @ts-expect-error not a locale this version has.
const notALocale: Locale = "xx";
// @ts-expect-error English is the metadata's own fields, not a translation.
const englishTranslation = info.translations.en;
// @ts-expect-error 9999 is not a known code.
const notACode: LogCode = 9999;
// @ts-expect-error LogCode is readonly.
LogCode.SuccessfulLogin = 2002;
// @ts-expect-error not a kind this version knows.
const notAKind: Kind = "warning";
// @ts-expect-error not a group.
const notAGroup: Group = "nope";
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
  knownGroup,
  localDescription,
  localTitle,
  login,
  maybe,
  mfa,
  name,
  newerTitle,
  notACode,
  notAGroup,
  notAKind,
  notALocale,
  notAName,
  packageVersion,
  surely,
  title,
  turkishTitle,
  unknownKind,
};
