/*
 * The second object of the twoobj module: a function and a counter the
 * first object uses, linked together by ld -r.
 */
#include "twoobj.h"

int twoobj_count;

int twoobj_multiply(int a, int b)
{
	twoobj_count++;
	return a * b;
}
