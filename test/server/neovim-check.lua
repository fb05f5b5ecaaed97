-- Headless Neovim (0.7+) as a second real LSP client: start dist/server.js over stdio on the file given
-- on the command line, wait (polling) for diagnostics, and write them as JSON to $POLICY_LENS_OUT.
local server = os.getenv('POLICY_LENS_SERVER')
local root = os.getenv('POLICY_LENS_ROOT')
local out = os.getenv('POLICY_LENS_OUT')

local client_id = vim.lsp.start_client({
  name = 'policy-lens',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
})
vim.lsp.buf_attach_client(0, client_id)

local ok = vim.wait(30000, function()
  return #vim.diagnostic.get(0) > 0
end, 100)

local items = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(items, { line = d.lnum, col = d.col, message = d.message, source = d.source, code = code })
end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode({ ok = ok, diagnostics = items }))
f:close()
vim.lsp.stop_client(client_id, true)
vim.cmd('qa!')
