-- A reading session in Neovim's own LSP client (vim.lsp, Neovim 0.7 as Debian ships it), run
-- headless by neovim.test.ts: start the Qarina server over stdio, open an article, wait until the
-- workspace is indexed (the server's work-done progress, as Neovim tracks it), hover a sentence,
-- go to its corroborating passage, edit the article and hover again, then stop the server. What
-- happened is written as JSON to $QARINA_NVIM_RESULT; the test reads and judges it. Every wait is
-- bounded, and any error still writes the result and quits, so Neovim never hangs the suite.
local result = {}

local function env(name)
  local v = os.getenv(name)
  assert(v and v ~= '', name .. ' is not set')
  return v
end

local function finish(err)
  if err then result.error = tostring(err) end
  local f = io.open(env('QARINA_NVIM_RESULT'), 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

--- Hover text (markdown) of a hover result, or nil.
local function hover_text(responses)
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then
      local c = r.result.contents
      return type(c) == 'table' and (c.value or vim.fn.json_encode(c)) or tostring(c)
    end
  end
  return nil
end

--- Puts the cursor on the first character of `needle` in the current buffer; returns its line (0-based).
local function cursor_to(needle)
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  for i, line in ipairs(lines) do
    local at = string.find(line, needle, 1, true)
    if at then
      vim.api.nvim_win_set_cursor(0, { i, at - 1 })
      return i - 1
    end
  end
  error('not in the buffer: ' .. needle)
end

local function main()
  local timeout = tonumber(os.getenv('QARINA_NVIM_TIMEOUT_MS') or '60000')
  local folder = env('QARINA_NVIM_FOLDER')
  local sentence = env('QARINA_NVIM_SENTENCE')
  local other = env('QARINA_NVIM_OTHER_ARTICLE')

  local client_id = vim.lsp.start_client({
    name = 'qarina',
    cmd = { env('QARINA_NODE'), env('QARINA_SERVER'), '--stdio' },
    root_dir = folder,
    workspace_folders = { { uri = vim.uri_from_fname(folder), name = 'articles' } },
    on_exit = function(code, signal)
      result.exit = { code = code, signal = signal }
    end,
  })
  assert(client_id, 'vim.lsp.start_client returned nothing')
  vim.cmd('edit ' .. vim.fn.fnameescape(folder .. '/' .. env('QARINA_NVIM_ARTICLE')))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  result.initialized = vim.wait(timeout, function() return client.initialized == true or result.exit ~= nil end, 50) and client.initialized == true
  if not result.initialized then return finish('the server did not initialize') end

  -- Indexing is over when the server ends its progress (Neovim keeps it in client.messages).
  result.indexed = vim.wait(timeout, function()
    if result.exit then return true end
    for _, p in pairs(client.messages.progress) do
      if p.done then return true end
    end
    return false
  end, 50) and result.exit == nil
  result.progress = {}
  for _, p in pairs(client.messages.progress) do table.insert(result.progress, p.title .. ': ' .. (p.message or '')) end
  if not result.indexed then return finish('indexing did not finish') end

  -- Hover a sentence: the hover lists the passages of other articles that corroborate it.
  result.sentence_line = cursor_to(sentence)
  local params = vim.lsp.util.make_position_params()
  result.hover = hover_text(vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, timeout))

  -- Go to the corroborating passage (Go to Definition), as `gd` with vim.lsp.buf.definition does.
  local defs = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, timeout)
  for _, r in pairs(defs or {}) do
    for _, loc in ipairs(r.result or {}) do
      local uri = loc.targetUri or loc.uri
      if uri and vim.endswith(uri, other) then
        vim.lsp.util.jump_to_location(loc, client.offset_encoding)
        local row = vim.api.nvim_win_get_cursor(0)[1]
        result.definition = { file = vim.fn.expand('%:t'), line = vim.api.nvim_buf_get_lines(0, row - 1, row, false)[1] }
        break
      end
    end
  end

  -- Edit the article (Neovim sends the incremental change) and hover the same sentence again.
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_buf_set_lines(buf, 0, 0, false, { env('QARINA_NVIM_INSERT') })
  result.sentence_line_after_edit = cursor_to(sentence)
  local after = vim.lsp.util.make_position_params()
  vim.wait(timeout, function()
    if result.exit then return true end
    local h = hover_text(vim.lsp.buf_request_sync(buf, 'textDocument/hover', after, 5000))
    if h and string.find(h, other, 1, true) then
      result.hover_after_edit = h
      return true
    end
    return false
  end, 200)

  result.alive_before_stop = result.exit == nil and not client.is_stopped()
  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return result.exit ~= nil end, 50)
  finish(nil)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then finish(err) end
