// The rule index: one line per rule folder, alphabetical (checked by test/unit/drift.test.ts;
// `npm run gen` rewrites it).
import type { Rule } from './src/rule';
import attestationInvalid from './manifest/attestation-invalid/attestation-invalid';
import brandName from './manifest/brand-name/brand-name';
import brandNameInMessages from './code/brand-name-in-messages/brand-name-in-messages';
import bulkDataRead from './code/bulk-data-read/bulk-data-read';
import bulkMessaging from './code/bulk-messaging/bulk-messaging';
import claimInMessages from './code/claim-in-messages/claim-in-messages';
import credentialInUrl from './code/credential-in-url/credential-in-url';
import credentialLogged from './code/credential-logged/credential-logged';
import dataRightsHint from './code/data-rights-hint/data-rights-hint';
import dataUseUndeclared from './manifest/data-use-undeclared/data-use-undeclared';
import dynamicCodeExecution from './code/dynamic-code-execution/dynamic-code-execution';
import erasureNotHandled from './manifest/erasure-not-handled/erasure-not-handled';
import hardcodedCredential from './code/hardcoded-credential/hardcoded-credential';
import hardcodedPersonalData from './code/hardcoded-personal-data/hardcoded-personal-data';
import impersonation from './code/impersonation/impersonation';
import insecureTransport from './code/insecure-transport/insecure-transport';
import legacyApiHost from './code/legacy-api-host/legacy-api-host';
import listingAffiliationClaim from './manifest/listing-affiliation-claim/listing-affiliation-claim';
import listingMisleadingClaim from './manifest/listing-misleading-claim/listing-misleading-claim';
import listingOffensiveLanguage from './manifest/listing-offensive-language/listing-offensive-language';
import listingTrademark from './manifest/listing-trademark/listing-trademark';
import localeFileTexts from './manifest/locale-file-texts/locale-file-texts';
import manifestInvalid from './manifest/manifest-invalid/manifest-invalid';
import manifestMissing from './manifest/manifest-missing/manifest-missing';
import obfuscatedPayload from './code/obfuscated-payload/obfuscated-payload';
import offensiveLanguage from './code/offensive-language/offensive-language';
import openRelay from './code/open-relay/open-relay';
import outdatedSdk from './manifest/outdated-sdk/outdated-sdk';
import passwordGrant from './code/password-grant/password-grant';
import personalDataLogged from './code/personal-data-logged/personal-data-logged';
import personalDataToThirdParty from './code/personal-data-to-third-party/personal-data-to-third-party';
import platformTerms from './code/platform-terms/platform-terms';
import privacyPolicyUrl from './manifest/privacy-policy-url/privacy-policy-url';
import scopeMissing from './manifest/scope-missing/scope-missing';
import scopeOverbroad from './manifest/scope-overbroad/scope-overbroad';
import scopeReasonMissing from './manifest/scope-reason-missing/scope-reason-missing';
import scopeUnused from './manifest/scope-unused/scope-unused';
import secretsFilePublished from './manifest/secrets-file-published/secrets-file-published';
import securityContact from './manifest/security-contact/security-contact';
import securityControlDisabled from './code/security-control-disabled/security-control-disabled';
import sensitiveDataRequest from './code/sensitive-data-request/sensitive-data-request';
import sensitiveDataStored from './code/sensitive-data-stored/sensitive-data-stored';
import supportInfo from './manifest/support-info/support-info';
import tlsDisabledByEnvironment from './manifest/tls-disabled-by-environment/tls-disabled-by-environment';
import undocumentedEndpoint from './code/undocumented-endpoint/undocumented-endpoint';
import unsafePayment from './code/unsafe-payment/unsafe-payment';
import unthrottledApiCalls from './code/unthrottled-api-calls/unthrottled-api-calls';
import updateNotHandled from './manifest/update-not-handled/update-not-handled';
import webhookInsecure from './manifest/webhook-insecure/webhook-insecure';
import webhookUnverified from './code/webhook-unverified/webhook-unverified';

export const allRules: readonly Rule[] = [
  attestationInvalid,
  brandName,
  brandNameInMessages,
  bulkDataRead,
  bulkMessaging,
  claimInMessages,
  credentialInUrl,
  credentialLogged,
  dataRightsHint,
  dataUseUndeclared,
  dynamicCodeExecution,
  erasureNotHandled,
  hardcodedCredential,
  hardcodedPersonalData,
  impersonation,
  insecureTransport,
  legacyApiHost,
  listingAffiliationClaim,
  listingMisleadingClaim,
  listingOffensiveLanguage,
  listingTrademark,
  localeFileTexts,
  manifestInvalid,
  manifestMissing,
  obfuscatedPayload,
  offensiveLanguage,
  openRelay,
  outdatedSdk,
  passwordGrant,
  personalDataLogged,
  personalDataToThirdParty,
  platformTerms,
  privacyPolicyUrl,
  scopeMissing,
  scopeOverbroad,
  scopeReasonMissing,
  scopeUnused,
  secretsFilePublished,
  securityContact,
  securityControlDisabled,
  sensitiveDataRequest,
  sensitiveDataStored,
  supportInfo,
  tlsDisabledByEnvironment,
  undocumentedEndpoint,
  unsafePayment,
  unthrottledApiCalls,
  updateNotHandled,
  webhookInsecure,
  webhookUnverified,
];
