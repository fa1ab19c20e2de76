/* keel-demo.c — placeholder until the demo generator lands */
#define G_LOG_DOMAIN "keel-demo"
#include "config.h"
#include "keel-demo.h"
#include "keel-error.h"

gboolean
keel_demo_populate (KeelWorkspace  *workspace,
                    GDateTime      *today,
                    GError        **error)
{
  g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_FAILED, "not written yet");
  return FALSE;
}
