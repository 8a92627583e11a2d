/*
 * One of three files for tests/checks/layers.sh, built as if they were
 * files of mm/: circle_a.c calls circle_b.c, which calls circle_c.c, which
 * calls circle_a.c back.  No call goes up a layer, yet the check must
 * refuse the circle, naming each of its three references.
 */

void circle_c_step(int n);
void circle_a_step(int n);

void circle_c_step(int n)
{
	if (n > 0)
		circle_a_step(n - 1);
}
