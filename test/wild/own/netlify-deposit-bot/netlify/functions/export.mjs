import got from 'got';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: 'eu-central-1' });

async function dashboardSession() {
  const { token } = await got
    .post('https://api.web1on1.chat/v2/auth/token', {
      json: { email: process.env.W1_ADMIN_EMAIL, password: process.env.W1_ADMIN_PASSWORD },
    })
    .json();
  return token;
}

export default async () => {
  const token = await dashboardSession();
  const transcripts = await got('https://app.web1on1.chat/_internal/reports/transcripts', {
    headers: { authorization: `Bearer ${token}`, 'x-client': 'dashboard-web/5.14.2' },
    searchParams: { since: new Date(Date.now() - 86400000).toISOString(), format: 'json' },
  }).json();

  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.EXPORT_BUCKET,
      Key: `transcripts/${new Date().toISOString().slice(0, 10)}.json`,
      Body: JSON.stringify(transcripts),
      ContentType: 'application/json',
      ACL: 'public-read',
    }),
  );
  return new Response(`exported ${transcripts.length}`);
};
