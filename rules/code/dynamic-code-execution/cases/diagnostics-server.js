const express = require('express');
const path = require('path');
const util = require('util');
const { exec, execFile, spawn, fork } = require('child_process');

const app = express();
app.use(express.json());
const run = util.promisify(exec);

app.post('/diagnostics/ping', (req, res) => {
  // ruleid: dynamic-code-execution messageId=network col=3
  exec(`ping -c 1 ${req.body.host}`, (err, stdout) => res.send(stdout));
});

app.get('/version', async (req, res) => {
  // ok: dynamic-code-execution
  const { stdout } = await run('git rev-parse --short HEAD');
  res.json({ version: stdout.trim() });
});

async function convertBrochure(input, output) {
  // ok: dynamic-code-execution
  await util.promisify(execFile)('convert', [input, '-resize', '800x', output]);
}

async function runMaintenance(task) {
  const command = `npm run maintenance:${task}`;
  // ruleid: dynamic-code-execution messageId=dynamic col=9
  await run(command);
}

function runScript(script) {
  // ruleid: dynamic-code-execution messageId=dynamic col=10
  return spawn('sh', ['-c', script], { stdio: 'inherit' });
}

function startWorker() {
  // ok: dynamic-code-execution
  const child = spawn(process.execPath, [path.join(__dirname, 'worker.js')]);
  // ok: dynamic-code-execution
  const other = fork(path.join(__dirname, 'sync-worker.js'));
  return [child, other];
}

app.listen(process.env.PORT || 3000);
module.exports = { convertBrochure, runMaintenance, runScript, startWorker };

const DISK_USAGE = 'df -h /var/lib/bot';
// ok: dynamic-code-execution
exec(DISK_USAGE, (err, stdout) => console.log(stdout));

const CHECKS = { disk: 'df -h', uptime: 'uptime', memory: 'free -m' };
app.get('/diagnostics/:check', (req, res) => {
  // ok: dynamic-code-execution
  exec(CHECKS[req.params.check], (err, stdout) => res.send(stdout));
});
