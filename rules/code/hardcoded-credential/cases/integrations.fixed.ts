// Integrations of a dealer group's bot: stock photos on S3, release notes from GitHub, alerts in Slack.
import crypto from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { Octokit } from '@octokit/rest';
import { WebClient } from '@slack/web-api';
import jwt from 'jsonwebtoken';

export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    // ruleid: hardcoded-credential messageId=literal col=18
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  },
});

// ruleid: hardcoded-credential messageId=literal col=43
export const github = new Octokit({ auth: process.env.GITHUB_TOKEN });

// ruleid: hardcoded-credential messageId=literal col=36
export const slack = new WebClient(process.env.SLACK_TOKEN);

export function encryptPlate(kenteken: string): string {
  const iv = crypto.randomBytes(16);
  // ruleid: hardcoded-credential messageId=cryptoKey col=55
  const cipher = crypto.createCipheriv('aes-256-cbc', process.env.ENCRYPTION_KEY, iv);
  return iv.toString('hex') + cipher.update(kenteken, 'utf8', 'hex') + cipher.final('hex');
}

// ruleid: hardcoded-credential messageId=literal col=21
const SIGNING_KEY = process.env.SIGNING_KEY;
export const signLink = (claims: object) => jwt.sign(claims, SIGNING_KEY, { algorithm: 'ES256' });

// ok: hardcoded-credential
export const region = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, bucket: 'dealer-stock-photos-eu' };
