-- Headless Neovim (Debian's 0.7.2) as an LSP client of `cspr-lint-server --stdio`: attaches the open
-- buffer, waits for the diagnostics the server pushes, and writes them to $OUT, one
-- "line:col code source message" a line, then "true" or "false" (whether any arrived in time).
-- Run: SERVER_CMD='node bin/cspr-lint-server.js --stdio' OUT=/tmp/diag.txt \
--      nvim --headless -u NONE -i NONE -n -c 'luafile e2e/neovim/lsp.lua' draft.md
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'markdown'
local cmd = vim.split(os.getenv('SERVER_CMD'), ' ', { trimempty = true })
-- vim.lsp.start (0.8+) is not in 0.7.2; start_client + buf_attach_client is.
local id = vim.lsp.start_client({ name = 'cspr-lint', cmd = cmd, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(tonumber(os.getenv('WAIT_MS') or '15000'), function() return #vim.diagnostic.get(buf) > 0 end, 100)
local f = io.open(os.getenv('OUT'), 'w')
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  f:write(string.format('%d:%d %s %s %s\n', d.lnum + 1, d.col + 1, code, d.source or '', (d.message:gsub('\n', ' '))))
end
f:write(tostring(ok) .. '\n')
f:close()
vim.lsp.stop_client(id)
vim.cmd('qa!')
