-- pandoc filter for make book (tools/book.sh): a console block's lines
-- marked as what they are, so that the style sheet can tell a command from
-- its output and wrap a long command rather than scroll it.  A command is
-- a line starting with "$ " and every line a trailing "\" continues; it
-- becomes <span class="cmd">, any other line <span class="out">.

local function escape(s)
  s = s:gsub("&", "&amp;")
  s = s:gsub("<", "&lt;")
  s = s:gsub(">", "&gt;")
  return s
end

function CodeBlock(el)
  if el.classes[1] ~= "console" then return nil end
  local lines, continued = {}, false
  for line in (el.text .. "\n"):gmatch("(.-)\n") do
    local command = continued or line:match("^%$ ") ~= nil
    continued = command and line:match("\\$") ~= nil
    local class = command and "cmd" or "out"
    lines[#lines + 1] = '<span class="' .. class .. '">' .. escape(line) .. "</span>"
  end
  return pandoc.RawBlock("html", '<pre class="console"><code>' ..
    table.concat(lines, "\n") .. "</code></pre>")
end
