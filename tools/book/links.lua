-- pandoc filter for make book (tools/book.sh): rewrites the relative links
-- and images of a page written for a code-hosting site into links that work
-- in build/book/.  Metadata in: book-dir (the page's folder, from the
-- repository root), book-depth (how many folders below build/book/ the page
-- is written, "" or "../.."), book-deps (a file to which every repository
-- file the page links to, other than a chapter, is appended, one a line).
--   chapter X.md            -> X.html (README.md -> index.html); a
--                              chapter not written yet is left as text
--                              (chapters are written in parallel)
--   docs/tutorial/img/F     -> img/F
--   any other file or dir   -> src/PATH.html (tools/book.sh renders it)
--   images elsewhere        -> src/PATH (copied as they are)
local dir, up, deps_file = "", "", nil

local function normalize(path)
  local parts = {}
  for part in path:gmatch("[^/]+") do
    if part == ".." then
      if #parts == 0 then return nil end
      table.remove(parts)
    elseif part ~= "." then
      table.insert(parts, part)
    end
  end
  return table.concat(parts, "/")
end

local function record(path)
  if deps_file then
    local f = io.open(deps_file, "a")
    f:write(path, "\n")
    f:close()
  end
end

local function is_image(path)
  return path:match("%.svg$") or path:match("%.png$") or path:match("%.jpe?g$")
end

local function rewrite(target, image)
  if target:match("^%a[%w+.-]*:") or target:match("^#") or target == "" then
    return target
  end
  local path, anchor = target:match("^([^#]*)(#?.*)$")
  local full = normalize(dir .. "/" .. path)
  if not full then return target end
  local chapter = full:match("^docs/tutorial/([^/]+)%.md$")
  if chapter then
    if chapter == "README" then chapter = "index" end
    return up .. chapter .. ".html" .. anchor
  end
  local img = full:match("^docs/tutorial/img/(.+)$")
  if img then return up .. "img/" .. img .. anchor end
  record(full)
  if image or is_image(full) then return up .. "src/" .. full .. anchor end
  return up .. "src/" .. full .. ".html" .. anchor
end

function Meta(meta)
  dir = pandoc.utils.stringify(meta["book-dir"] or "")
  up = pandoc.utils.stringify(meta["book-depth"] or "")
  if up ~= "" then up = up .. "/" end
  if meta["book-deps"] then deps_file = pandoc.utils.stringify(meta["book-deps"]) end
end

local function exists(path)
  local f = io.open(path, "r")
  if f then f:close() end
  return f ~= nil
end

function Link(el)
  local path = el.target:match("^([^#]*)")
  local full = path ~= "" and not el.target:match("^%a[%w+.-]*:") and
               normalize(dir .. "/" .. path)
  if full and full:match("^docs/tutorial/[^/]+%.md$") and not exists(full) then
    return pandoc.Span(el.content, {class = "unwritten"})
  end
  el.target = rewrite(el.target, false)
  return el
end

function Image(el)
  el.src = rewrite(el.src, true)
  return el
end

-- Meta first, so that the links know where they are.
return {{Meta = Meta}, {Link = Link, Image = Image}}
