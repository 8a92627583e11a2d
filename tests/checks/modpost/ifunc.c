/*
 * An indirect function: the resolver picks an implementation when a dynamic
 * linker binds the symbol.  Sprout has no such step, so modpost refuses it.
 */
static int answer_impl(void)
{
	return 42;
}

static int (*resolve_answer(void))(void)
{
	return answer_impl;
}

int answer(void) __attribute__((ifunc("resolve_answer")));

int ask(void)
{
	return answer();
}
