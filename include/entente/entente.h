/* entente — umbrella header of the public API. */
#ifndef ENTENTE_H
#define ENTENTE_H

#define ENTENTE_VERSION "0.1.0"

#include "common.h"
#include "extract.h"
#include "graph.h"
#include "render.h"
#include "report.h"

#endif
