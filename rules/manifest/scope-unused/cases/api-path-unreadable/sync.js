const BASE = 'https://api.web1on1.chat/v2';
const headers = { Authorization: `Bearer ${process.env.WEB1ON1_TOKEN}` };

// The resource comes from the command line: which scope this needs is known only at run time.
async function exportAll(kind) {
  const res = await fetch(`${BASE}/${kind}`, { headers });
  return res.json();
}

// A resource the scope catalog does not cover: it might need anything.
async function partners() {
  return (await fetch(`${BASE}/partners`, { headers })).json();
}

exportAll(process.argv[2]).then(partners);
